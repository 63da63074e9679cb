//! Measurement prototype (issue 10; scripts/perf/verify-first.sh builds it, not the test suite): the verify-first module. Reads the page config,
//! fetches the registry (taking the preload), verifies the page's link with txng-core and writes
//! the verdict with plain DOM calls; the full interface would be loaded afterwards.
use txng_core::{message, state_title, verify, Fetched, Lang, TrustAnchor};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

async fn get(url: &str) -> Option<Vec<u8>> {
    let w = web_sys::window()?;
    let r: web_sys::Response = JsFuture::from(w.fetch_with_str(url))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    if !r.ok() {
        return None;
    }
    let buf = JsFuture::from(r.array_buffer().ok()?).await.ok()?;
    Some(js_sys::Uint8Array::new(&buf).to_vec())
}

fn mark(name: &str) {
    let g = js_sys::global();
    if let Ok(p) = js_sys::Reflect::get(&g, &"performance".into()) {
        if let Ok(f) = js_sys::Reflect::get(&p, &"mark".into()) {
            if let Some(f) = f.dyn_ref::<js_sys::Function>() {
                let _ = f.call1(&p, &name.into());
            }
        }
    }
}

#[wasm_bindgen(start)]
pub fn start() {
    wasm_bindgen_futures::spawn_local(async {
        let Some(w) = web_sys::window() else { return };
        let Some(doc) = w.document() else { return };
        let text = doc
            .get_element_by_id("txng-config")
            .and_then(|e| e.text_content())
            .unwrap_or_default();
        let v: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        let s =
            |o: &serde_json::Value, k: &str| o.get(k).and_then(|x| x.as_str()).map(str::to_string);
        let anchors: Vec<TrustAnchor> = v
            .get("anchors")
            .and_then(|a| a.as_array())
            .map(|l| {
                l.iter()
                    .filter_map(|a| {
                        TrustAnchor::from_base64url(&s(a, "kid")?, &s(a, "public_key")?)
                    })
                    .collect()
            })
            .unwrap_or_default();
        let url = s(&v, "registry_url").unwrap_or_default();
        let href = w.location().href().unwrap_or_default();
        let reg = get(&url).await;
        let now = (js_sys::Date::now() / 1000.0) as i64;
        let verdict = match &reg {
            Some(b) => verify(&href, Fetched::Bytes(b), None, &anchors, now),
            None => verify(&href, Fetched::Unavailable("network"), None, &anchors, now),
        };
        let lang = Lang::Vi;
        let Some(root) = doc.get_element_by_id("txng") else {
            return;
        };
        root.set_text_content(None);
        let Ok(sec) = doc.create_element("section") else {
            return;
        };
        sec.set_id("verdict");
        let _ = sec.set_attribute("data-state", verdict.state.as_str());
        let Ok(h) = doc.create_element("h2") else {
            return;
        };
        h.set_text_content(Some(state_title(verdict.state, lang)));
        let _ = sec.append_child(&h);
        if let Some(c) = verdict.main_check() {
            let m = message(c.code, lang);
            let Ok(p) = doc.create_element("p") else {
                return;
            };
            p.set_id("main-reason");
            let _ = p.set_attribute("data-code", c.code.as_str());
            p.set_text_content(Some(&format!(
                "{} — {} {}",
                m.title, m.explanation, m.next_step
            )));
            let _ = sec.append_child(&p);
        }
        let _ = root.append_child(&sec);
        let cb = Closure::once_into_js(|| {
            let t = Closure::once_into_js(|| mark("txng-verdict"));
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback(t.unchecked_ref());
            }
        });
        let _ = w.request_animation_frame(cb.unchecked_ref());
    });
}
