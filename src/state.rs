//! The widget's state and its one reducer. Components only read it and dispatch actions; the
//! verification itself is the core's, run by `pipeline`.
//!
//! Every verification has a run number; results that arrive for an older run (the user scanned
//! something else meanwhile) are dropped here, so a slow network can never show a stale verdict.

use crate::config::ConfigError;
use crate::net::Failure;
use std::rc::Rc;
use txng_core::time::UnixTime;
use txng_core::{Lang, Verdict};
#[cfg(feature = "ui")]
use yew::Reducible;

/// A shared value compared by identity: a new verdict is a new `Rc`, so props comparisons are one
/// pointer check instead of a deep walk of every check and event (less work and less wasm).
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Shared<T> {
    /// Wraps a value.
    pub fn new(v: T) -> Self {
        Shared(Rc::new(v))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// Where the verification is.
#[derive(Clone, Debug, PartialEq)]
pub enum Phase {
    /// Nothing scanned yet (or the user asked to scan again).
    Idle,
    /// Working on the first verdict.
    Verifying,
    /// A verdict (updated once more when the trace document arrives).
    Done(Shared<Verdict>),
}

/// Network state of the registry, for `#net-status`.
#[derive(Clone, Debug, PartialEq)]
pub enum RegistryStatus {
    /// Not asked for.
    Idle,
    /// Being fetched.
    Loading,
    /// Fetched now (or earlier in this session).
    Fresh,
    /// The network gave no usable list; the list saved on this device was used (and verified
    /// again).
    Cached {
        /// `issued_at` of the saved list, if it verified.
        issued_at: Option<UnixTime>,
        /// Why the network's list was not used.
        why: Failure,
    },
    /// The fetch failed and nothing (usable) was saved.
    Failed(Failure),
    /// The server answered with a list the core refused (`Refused`, `Older`), and no usable
    /// list was saved: the verdict names the reason.
    Refused(Failure),
    /// Over the size cap.
    TooLarge,
}

/// Network state of the trace document.
#[derive(Clone, Debug, PartialEq)]
pub enum TraceStatus {
    /// Not needed (invalid label) or not yet asked for.
    Idle,
    /// Being fetched.
    Loading,
    /// Fetched.
    Loaded,
    /// Offline: the copy kept on this device (by the service worker) was used, and verified again.
    Saved,
    /// Every URL failed; the last reason.
    Failed(Failure),
    /// Over the size cap.
    TooLarge,
}

/// The whole state.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// Display language.
    pub lang: Lang,
    /// The configuration problem, if the page is not set up.
    pub config_error: Option<ConfigError>,
    /// The current run number.
    pub run: u32,
    /// What the current run verifies (raw text, for the report link).
    pub scanned: Option<Rc<str>>,
    /// When it was scanned (Unix seconds): shown by a red verdict, and expiry is judged against it.
    pub scanned_at: Option<i64>,
    /// Verification phase.
    pub phase: Phase,
    /// Registry network state.
    pub registry: RegistryStatus,
    /// Trace network state.
    pub trace: TraceStatus,
    /// Whether the camera view is open.
    pub camera_open: bool,
    /// Timeline order.
    pub newest_first: bool,
}

impl AppState {
    /// The initial state.
    pub fn new(lang: Lang, config_error: Option<ConfigError>) -> AppState {
        AppState {
            lang,
            config_error,
            run: 0,
            scanned: None,
            scanned_at: None,
            phase: Phase::Idle,
            registry: RegistryStatus::Idle,
            trace: TraceStatus::Idle,
            camera_open: false,
            newest_first: false,
        }
    }

    /// The verdict shown, if any.
    pub fn verdict(&self) -> Option<&Shared<Verdict>> {
        match &self.phase {
            Phase::Done(v) => Some(v),
            _ => None,
        }
    }
}

/// What can happen.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Switch vi ↔ en.
    ToggleLang,
    /// A new verification starts (supersedes any running one).
    Begin {
        /// Its run number.
        run: u32,
        /// The scanned text.
        scanned: Rc<str>,
        /// When (Unix seconds).
        at: i64,
    },
    /// Registry network state of a run.
    Registry(u32, RegistryStatus),
    /// A verdict of a run (stage 1, then with the trace).
    Verdict(u32, Shared<Verdict>),
    /// Trace network state of a run.
    Trace(u32, TraceStatus),
    /// Back to the start screen; results of `run - 1` and older are dropped.
    Reset {
        /// The new run number.
        run: u32,
    },
    /// Open the camera view.
    OpenCamera,
    /// Close the camera view.
    CloseCamera,
    /// Flip the timeline order.
    ToggleOrder,
    /// Kiosk: a new visitor. Back to the start screen in the deployment's language with nothing
    /// of the previous visitor kept (results of older runs are dropped).
    NewVisitor {
        /// The new run number.
        run: u32,
        /// The deployment's language.
        lang: Lang,
    },
}

impl AppState {
    /// The reducer as a plain function (tested natively).
    pub fn apply(&self, action: Action) -> AppState {
        let mut s = self.clone();
        match action {
            Action::ToggleLang => {
                s.lang = match s.lang {
                    Lang::Vi => Lang::En,
                    Lang::En => Lang::Vi,
                }
            }
            Action::Begin { run, scanned, at } => {
                s.run = run;
                s.scanned = Some(scanned);
                s.scanned_at = Some(at);
                s.phase = Phase::Verifying;
                s.registry = RegistryStatus::Loading;
                s.trace = TraceStatus::Idle;
                s.camera_open = false;
                s.newest_first = false;
            }
            Action::Registry(run, st) if run == s.run => s.registry = st,
            Action::Verdict(run, v) if run == s.run => s.phase = Phase::Done(v),
            Action::Trace(run, st) if run == s.run => s.trace = st,
            Action::Registry(..) | Action::Verdict(..) | Action::Trace(..) => {}
            Action::Reset { run } => {
                s.run = run;
                s.scanned = None;
                s.scanned_at = None;
                s.phase = Phase::Idle;
                s.registry = RegistryStatus::Idle;
                s.trace = TraceStatus::Idle;
                s.camera_open = false;
            }
            Action::OpenCamera => s.camera_open = true,
            Action::CloseCamera => s.camera_open = false,
            Action::ToggleOrder => s.newest_first = !s.newest_first,
            Action::NewVisitor { run, lang } => {
                let mut fresh = AppState::new(lang, s.config_error);
                fresh.run = run;
                return fresh;
            }
        }
        s
    }
}

#[cfg(feature = "ui")]
impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pipeline's dispatch order (`pipeline::run`) through this reducer: a verdict counts as
    /// settled (the verify-first module shows it, the interface takes over at it) only once no
    /// trace document is loading; the verdict before the trace, which could still turn red, never.
    #[test]
    fn only_the_verdict_after_the_trace_is_settled() {
        let v = |n| {
            Shared::new(txng_core::verify(
                n,
                txng_core::Fetched::Unavailable("offline"),
                None,
                &[],
                0,
            ))
        };
        let begin = AppState::new(Lang::Vi, None).apply(Action::Begin {
            run: 1,
            scanned: "a".into(),
            at: 0,
        });
        assert!(!crate::pipeline::settled(&begin));
        // With a trace document: Registry, Trace(Loading), Verdict, …, Verdict, Trace(done).
        let mut s = begin.apply(Action::Registry(1, RegistryStatus::Fresh));
        s = s.apply(Action::Trace(1, TraceStatus::Loading));
        assert!(!crate::pipeline::settled(&s));
        s = s.apply(Action::Verdict(1, v("before the trace")));
        assert!(
            !crate::pipeline::settled(&s),
            "the verdict before the trace"
        );
        s = s.apply(Action::Verdict(1, v("after the trace")));
        assert!(
            !crate::pipeline::settled(&s),
            "until the trace status is final"
        );
        s = s.apply(Action::Trace(1, TraceStatus::Loaded));
        assert!(crate::pipeline::settled(&s));
        // Without one (an invalid label): Registry, Verdict.
        let s = begin
            .apply(Action::Registry(1, RegistryStatus::Fresh))
            .apply(Action::Verdict(1, v("no trace")));
        assert!(crate::pipeline::settled(&s));
    }

    #[test]
    fn stale_results_are_dropped() {
        let s = AppState::new(Lang::Vi, None);
        let s = s.apply(Action::Begin {
            run: 1,
            scanned: "a".into(),
            at: 0,
        });
        let s = s.apply(Action::Begin {
            run: 2,
            scanned: "b".into(),
            at: 0,
        });
        let v = Shared::new(txng_core::verify(
            "x",
            txng_core::Fetched::Unavailable("offline"),
            None,
            &[],
            0,
        ));
        let s2 = s.apply(Action::Verdict(1, v.clone()));
        assert_eq!(s2.phase, Phase::Verifying);
        let s3 = s.apply(Action::Verdict(2, v));
        assert!(s3.verdict().is_some());
        let s4 = s3.apply(Action::Reset { run: 3 });
        assert_eq!(s4.phase, Phase::Idle);
        assert_eq!(s4.apply(Action::ToggleLang).lang, Lang::En);
    }

    #[test]
    fn a_new_visitor_keeps_nothing_of_the_previous_one() {
        let v = Shared::new(txng_core::verify(
            "x",
            txng_core::Fetched::Unavailable("offline"),
            None,
            &[],
            0,
        ));
        let visited = AppState::new(Lang::Vi, None)
            .apply(Action::ToggleLang)
            .apply(Action::Begin {
                run: 7,
                scanned: "a".into(),
                at: 0,
            })
            .apply(Action::Registry(7, RegistryStatus::Fresh))
            .apply(Action::Verdict(7, v.clone()))
            .apply(Action::Trace(7, TraceStatus::Loading))
            .apply(Action::ToggleOrder)
            .apply(Action::OpenCamera);
        assert_eq!(visited.lang, Lang::En);
        let next = visited.apply(Action::NewVisitor {
            run: 8,
            lang: Lang::Vi,
        });
        let mut expect = AppState::new(Lang::Vi, None);
        expect.run = 8;
        assert_eq!(next, expect);
        assert_eq!(
            next.apply(Action::Verdict(7, v)),
            expect,
            "a late result of the previous visitor is dropped"
        );
    }
}
