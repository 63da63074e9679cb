//! A small element tree: what a part of the page shows, decided once (see [`crate::verdict`]) and
//! written by two backends, so the verdict has one render path (issue 10):
//!
//! - [`El::to_dom`]: plain DOM calls, for the verify-first module (`crates/txng-first`), which
//!   shows a label link's verdict before the Yew interface has loaded;
//! - [`El::to_vtag`]: a Yew virtual node, for the interface (diffed like any `html!` output, and
//!   rendered by Yew's SSR in the tests).
//!
//! Text is always a text node and attribute values are set as values: signed data shown here is
//! never parsed as markup.

/// An element: tag, attributes in order, children.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct El {
    /// Tag name.
    pub tag: &'static str,
    /// Attributes (name, value).
    pub attrs: Vec<(&'static str, String)>,
    /// Children.
    pub kids: Vec<Node>,
}

/// A child: an element or text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    /// An element.
    El(El),
    /// Text (never markup).
    Text(String),
}

impl El {
    /// An element without attributes or children.
    pub fn new(tag: &'static str) -> El {
        El {
            tag,
            attrs: Vec::new(),
            kids: Vec::new(),
        }
    }

    /// Adds an attribute.
    pub fn attr(mut self, name: &'static str, value: impl Into<String>) -> El {
        self.attrs.push((name, value.into()));
        self
    }

    /// Adds an attribute when there is a value.
    pub fn attr_opt(self, name: &'static str, value: Option<impl Into<String>>) -> El {
        match value {
            Some(v) => self.attr(name, v),
            None => self,
        }
    }

    /// Adds a text child.
    pub fn text(mut self, text: impl Into<String>) -> El {
        self.kids.push(Node::Text(text.into()));
        self
    }

    /// Adds an element child.
    pub fn child(mut self, el: El) -> El {
        self.kids.push(Node::El(el));
        self
    }

    /// Adds an element child when there is one.
    pub fn child_opt(self, el: Option<El>) -> El {
        match el {
            Some(e) => self.child(e),
            None => self,
        }
    }

    /// The value of an attribute.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    /// All text below this element, in document order.
    pub fn text_content(&self) -> String {
        let mut out = String::new();
        fn walk(e: &El, out: &mut String) {
            for k in &e.kids {
                match k {
                    Node::Text(t) => out.push_str(t),
                    Node::El(c) => walk(c, out),
                }
            }
        }
        walk(self, &mut out);
        out
    }

    /// Writes the element with DOM calls (`createElement`, `setAttribute`, `createTextNode`).
    pub fn to_dom(
        &self,
        doc: &web_sys::Document,
    ) -> Result<web_sys::Element, wasm_bindgen::JsValue> {
        let el = doc.create_element(self.tag)?;
        for (n, v) in &self.attrs {
            el.set_attribute(n, v)?;
        }
        for k in &self.kids {
            match k {
                Node::El(c) => el.append_child(&web_sys::Node::from(c.to_dom(doc)?))?,
                Node::Text(t) => el.append_child(&doc.create_text_node(t))?,
            };
        }
        Ok(el)
    }

    /// The element as a Yew virtual node (more children, such as a button with a callback, can
    /// be added to it with `add_child`).
    #[cfg(feature = "ui")]
    pub fn to_vtag(&self) -> yew::virtual_dom::VTag {
        use yew::virtual_dom::{VNode, VTag, VText};
        let mut tag = VTag::new(self.tag);
        for (n, v) in &self.attrs {
            tag.add_attribute(n, v.clone());
        }
        for k in &self.kids {
            tag.add_child(match k {
                Node::El(c) => VNode::from(c.to_vtag()),
                Node::Text(t) => VNode::from(VText::new(t.clone())),
            });
        }
        tag
    }
}
