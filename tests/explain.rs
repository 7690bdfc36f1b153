#![cfg(not(target_arch = "wasm32"))]
//! The headline's explanation: who adds what when a member changes its
//! contribution, worked out by the engine and worded by `words`, to the
//! krona, in Swedish and English. The CLI prints the same sentences.

use finsam_kalkyl::engine::explain::{explain, Explanation, Lever, Party};
use finsam_kalkyl::engine::findings::Binding;
use finsam_kalkyl::engine::{
    analyse, presets, run_scenario, scenario::resolve_member, Change, Lang, Mode, Options, Scenario,
    SwedishFormat,
};
use finsam_kalkyl::words::Say;
use rust_decimal::Decimal;

fn d(n: i64) -> Decimal {
    Decimal::from(n)
}

/// Södra Vätterbygden 2024 with Habo's change and the utrymme given.
fn habo(delta: i64, mode: Mode, state_offer: Option<i64>) -> Explanation {
    let budget = presets::find("sodra-vatterbygden-2024")
        .unwrap()
        .load()
        .unwrap()
        .budget;
    let base = analyse(&budget, &Options::default());
    let member = resolve_member(&base, "Habo").unwrap();
    let scenario = Scenario {
        mode,
        state_offer: state_offer.map(d),
        ..Scenario::default()
    }
    .with_change(member, Change::Kr(d(delta)));
    let outcome = run_scenario(&budget, &base, &scenario, &Options::default()).unwrap();
    explain(&base, &scenario, &outcome)
}

/// As a person reads it: the format's no-break spaces as spaces.
fn said(x: &impl Say, lang: Lang) -> String {
    x.say(lang, &SwedishFormat).replace('\u{a0}', " ")
}

#[test]
fn a_key_bound_raise_says_what_each_party_adds() {
    let e = habo(10_000, Mode::Key, Some(6_000_000));
    assert_eq!(e.year, 2024);
    assert_eq!(
        e.lever,
        Lever::Shares {
            members: vec![("Habo kommun".into(), d(10_000))],
            by_key: true,
            others: vec![
                (Party::OtherKommuner, d(126_510)),
                (Party::Region, d(136_510)),
                (Party::State, d(273_020)),
            ],
            total: d(546_040),
        }
    );
    assert_eq!(e.shortfall, None);
    assert_eq!(
        said(&e.lever, Lang::Sv),
        "Habo kommun +10 000 kr. Enligt nyckeln ökar de övriga kommunerna med 126 510 kr, \
         regionen med 136 510 kr och staten med 273 020 kr: totalt 546 040 kr mer till förbundet."
    );
    assert_eq!(
        said(&e.lever, Lang::En),
        "Habo kommun +10 000 kr. By the key, the other municipalities add 126 510 kr, \
         the region 136 510 kr and the state 273 020 kr: 546 040 kr more for the association in all."
    );
    // Never "each krona from Habo brings 54,60 kr": Habo's krona brings four.
    assert!(!said(&e.lever, Lang::Sv).contains("Varje krona"));
}

#[test]
fn a_key_bound_cut_says_what_each_party_pays_less() {
    let e = habo(-10_000, Mode::Key, Some(6_000_000));
    assert_eq!(
        said(&e.lever, Lang::Sv),
        "Habo kommun −10 000 kr. Enligt nyckeln minskar de övriga kommunerna med 126 510 kr, \
         regionen med 136 510 kr och staten med 273 020 kr: totalt 546 040 kr mindre till förbundet."
    );
    assert_eq!(
        said(&e.lever, Lang::En),
        "Habo kommun −10 000 kr. By the key, the other municipalities pay 126 510 kr less, \
         the region 136 510 kr less and the state 273 020 kr less: 546 040 kr less for the association in all."
    );
}

#[test]
fn alone_each_krona_is_four() {
    let e = habo(10_000, Mode::Alone, Some(6_000_000));
    assert_eq!(
        e.lever,
        Lever::PerKrona {
            member: "Habo kommun".into(),
            delta: d(10_000),
            per_krona: d(4),
        }
    );
    assert_eq!(
        said(&e.lever, Lang::Sv),
        "Varje krona från Habo kommun ger 4 kr till förbundet."
    );
    assert_eq!(
        said(&e.lever, Lang::En),
        "Every krona from Habo kommun brings 4 kr to the association."
    );
    let asks: Vec<(String, Decimal)> = e.asks.iter().map(|a| (a.member.clone(), a.amount)).collect();
    assert_eq!(
        asks,
        vec![
            ("Region Jönköpings län".into(), d(10_000)),
            ("Staten gm Försäkringskassan".into(), d(20_000)),
        ]
    );
}

#[test]
fn without_utrymme_nothing_is_matched_and_the_state_is_named() {
    let e = habo(10_000, Mode::Key, None);
    let Lever::Blocked {
        member,
        binding,
        state_needed,
    } = &e.lever
    else {
        panic!("{:?}", e.lever)
    };
    assert_eq!((member.as_str(), *binding), ("Habo kommun", Binding::State));
    assert_eq!(*state_needed, d(5_586_000 + 273_020));
    assert_eq!(
        said(&e.lever, Lang::Sv),
        "Statens utrymme är fullt utnyttjat — höjningen från Habo kommun kan inte matchas och ger \
         förbundet ingenting. Staten skulle behöva erbjuda 5 859 020 kr."
    );
    let state = e.asks.iter().find(|a| a.member.starts_with("Staten")).unwrap();
    assert_eq!((state.amount, state.state_short), (d(0), Some(d(273_020))));
}

#[test]
fn a_partly_matched_raise_says_what_is_left_unmatched() {
    // 100 000 more utrymme matches 50 000 of the kommun side's 136 510.
    let e = habo(10_000, Mode::Key, Some(5_686_000));
    let short = e.shortfall.as_ref().unwrap();
    assert_eq!(short.binding, Binding::State);
    assert_eq!(short.state_needed, d(5_859_020));
    assert_eq!(short.amount, d(2 * (136_510 - 50_000)));
    assert_eq!(
        said(short, Lang::En),
        "173 020 kr cannot be matched: the state would have to offer 5 859 020 kr."
    );
    let Lever::Shares { total, .. } = e.lever else {
        panic!("{:?}", e.lever)
    };
    assert_eq!(total, d(200_000));
}

#[test]
fn a_cut_asks_nothing_of_the_state_even_when_its_utrymme_is_short() {
    // Utrymme 5 000 000, below what the state matches today (5 586 000):
    // Habo's cut lowers what the state must pay, so its line carries no
    // "needs utrymme" note; the shortfall says what is not matched.
    let e = habo(-10_000, Mode::Key, Some(5_000_000));
    let state = e.asks.iter().find(|a| a.member.starts_with("Staten")).unwrap();
    assert_eq!(state.state_short, None);
    assert!(state.amount < d(0), "{:?}", state.amount);
    assert!(e.shortfall.is_some());
    // The same utrymme and a raise: the note names what is missing.
    let e = habo(10_000, Mode::Key, Some(5_000_000));
    let state = e.asks.iter().find(|a| a.member.starts_with("Staten")).unwrap();
    assert_eq!(state.state_short, Some(d(5_586_000 + 273_020 - 5_000_000)));
}
