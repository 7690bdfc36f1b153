#![cfg(not(target_arch = "wasm32"))]
//! Properties that must hold for every budget, not just the seeds.

use finsam_kalkyl::engine::{
    analyse, import_bytes, import_table,
    matching::{match_change, matched_half, Parties},
    money::{format_amount, parse_amount, split_largest_remainder},
    presets, run_scenario, sort_small_by_key, Change, MemberRef, Mode, Options, Scenario,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn d(n: i64) -> Decimal {
    Decimal::from(n)
}

/// A kommun side of 1 to 10 kommuner, each 0..10 MSEK.
fn kommuner() -> impl Strategy<Value = Vec<i64>> {
    prop::collection::vec(0i64..10_000_000, 1..10)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// The engine's own small sort orders as std's stable sort does, ties
    /// in their original order.
    #[test]
    fn small_sort_is_a_stable_sort(items in prop::collection::vec((0u8..5, any::<u16>()), 0..60)) {
        let mut ours = items.clone();
        sort_small_by_key(&mut ours, |&(k, _)| k);
        let mut std_sorted = items;
        std_sorted.sort_by_key(|&(k, _)| k);
        prop_assert_eq!(ours, std_sorted);
    }

    /// On a balanced baseline the matched state amount is DOMAIN.md's
    /// formula on the offers, and never more than the offer.
    #[test]
    fn matched_state_is_the_domain_formula(
        base_k in kommuner(),
        raise_k in prop::collection::vec(-2_000_000i64..2_000_000, 10),
        region_delta in -5_000_000i64..5_000_000,
        state_offer in 0i64..100_000_000,
    ) {
        let h: i64 = base_k.iter().sum();
        let base = Parties { state: d(2 * h), region: d(h), kommuner: base_k.iter().map(|&k| d(k)).collect() };
        let offers = Parties {
            state: d(state_offer),
            region: d((h + region_delta).max(0)),
            kommuner: base_k.iter().zip(&raise_k).map(|(&k, &r)| d((k + r).max(0))).collect(),
        };
        let m = match_change(&base, &offers);
        let half = matched_half(offers.state, offers.region, offers.kommuner_total());
        prop_assert_eq!(m.paid.state, half * Decimal::TWO);
        prop_assert!(m.paid.state <= offers.state);
        prop_assert_eq!(m.paid.state, m.paid.region + m.paid.kommuner_total());
        prop_assert_eq!(m.paid.region, m.paid.kommuner_total());
        for (paid, offer) in m.paid.kommuner.iter().zip(&offers.kommuner) {
            prop_assert!(*paid <= *offer && *paid >= Decimal::ZERO);
        }
        prop_assert_eq!(m.unmatched_total() + m.paid.region + m.paid.kommuner_total(),
                        offers.region + offers.kommuner_total());
    }

    /// On any baseline, balanced or not, nobody pays more than it offers
    /// and the state never pays past its utrymme.
    #[test]
    fn nobody_pays_more_than_offered(
        base_k in kommuner(),
        base_region in 0i64..30_000_000,
        base_state in 0i64..60_000_000,
        raise_k in prop::collection::vec(-2_000_000i64..2_000_000, 10),
        region_offer in 0i64..30_000_000,
        state_offer in 0i64..60_000_000,
    ) {
        let base = Parties { state: d(base_state), region: d(base_region), kommuner: base_k.iter().map(|&k| d(k)).collect() };
        let offers = Parties {
            state: d(state_offer),
            region: d(region_offer),
            kommuner: base_k.iter().zip(&raise_k).map(|(&k, &r)| d((k + r).max(0))).collect(),
        };
        let m = match_change(&base, &offers);
        prop_assert!(m.paid.state <= offers.state);
        prop_assert!(m.paid.region <= offers.region);
        prop_assert!(m.paid.state >= Decimal::ZERO && m.paid.region >= Decimal::ZERO);
        for (paid, offer) in m.paid.kommuner.iter().zip(&offers.kommuner) {
            prop_assert!(*paid <= *offer && *paid >= Decimal::ZERO);
        }
        if offers == base {
            prop_assert_eq!(m.paid, base);
        }
    }

    /// Largest remainder: parts sum exactly to the whole and each part is
    /// within one krona of its exact quota.
    #[test]
    fn split_sums_exactly(total in -1_000_000_000i64..1_000_000_000, weights in prop::collection::vec(0i64..50_000_000, 1..12)) {
        let w: Vec<Decimal> = weights.iter().map(|&x| d(x)).collect();
        let parts = split_largest_remainder(d(total), &w);
        prop_assert_eq!(parts.iter().copied().sum::<Decimal>(), d(total));
        let sum: Decimal = w.iter().copied().sum();
        if !sum.is_zero() {
            for (p, wi) in parts.iter().zip(&w) {
                let exact = d(total) * *wi / sum;
                prop_assert!((*p - exact).abs() < Decimal::ONE, "{} vs {}", p, exact);
            }
        }
    }

    /// Formatting and parsing are inverse for every whole amount.
    #[test]
    fn amounts_round_trip(v in -1_000_000_000_000i64..1_000_000_000_000) {
        prop_assert_eq!(parse_amount(&format_amount(d(v))), Ok(d(v)));
        prop_assert_eq!(parse_amount(&format!("{} kr", format_amount(d(v)))), Ok(d(v)));
    }
}

/// A random but well-formed budget table: members, a cost section and an
/// opening equity row, over 1 to 6 consecutive years.
fn table() -> impl Strategy<Value = String> {
    (
        1usize..6,
        prop::collection::vec(prop::collection::vec(0i64..3_000_000, 6), 2..5),
        prop::collection::vec(prop::collection::vec(0i64..5_000_000, 6), 1..6),
        prop::option::of(0i64..5_000_000),
        prop::collection::vec(-2_000_000i64..2_000_000, 6),
    )
        .prop_map(|(years, kommuner, costs, opening, other)| {
            let mut t = String::from("Förbund");
            for y in 0..years {
                t.push_str(&format!(
                    ";{} {}",
                    if y == 0 { "Budget" } else { "Plan" },
                    2030 + y
                ));
            }
            t.push_str("\nIntäkter\n");
            let mut side = vec![0i64; years];
            for (k, amounts) in kommuner.iter().enumerate() {
                t.push_str(&format!("Kommun{k} kommun"));
                for (y, s) in side.iter_mut().enumerate() {
                    *s += amounts[y];
                    t.push_str(&format!(";{}", format_amount(d(amounts[y]))));
                }
                t.push('\n');
            }
            let row = |t: &mut String, label: &str, f: &dyn Fn(usize) -> i64| {
                t.push_str(label);
                for y in 0..years {
                    t.push_str(&format!(";{}", f(y)));
                }
                t.push('\n');
            };
            row(&mut t, "Region Test", &|y| side[y]);
            row(&mut t, "Försäkringskassan", &|y| 2 * side[y]);
            row(&mut t, "Övriga intäkter", &|y| other[y]);
            if let Some(o) = opening {
                t.push_str(&format!("Balanserat resultat;{o}\n"));
            }
            t.push_str("Kostnader\n");
            for (j, amounts) in costs.iter().enumerate() {
                row(&mut t, &format!("Insats {j}"), &|y| amounts[y]);
            }
            row(&mut t, "Kansli", &|y| costs[0][y] / 10);
            t
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// closing = opening + income − costs in every column, and each chained
    /// year opens with the last one's closing equity.
    #[test]
    fn equity_chain_identity(text in table()) {
        let imported = import_table(&text).unwrap();
        let a = analyse(&imported.budget, &Options::default());
        for c in &a.columns {
            prop_assert_eq!(c.closing_equity, c.opening_equity + c.income_total - c.costs);
            prop_assert_eq!(c.result, c.income_total - c.costs);
            prop_assert_eq!(c.costs, c.verksamhet + c.administration + c.cost_rounding);
        }
        for pair in a.chain.windows(2) {
            prop_assert_eq!(a.columns[pair[1]].opening_equity, a.columns[pair[0]].closing_equity);
        }
    }

    /// A key-bound change moves the kommun side by Δ × K / k exactly, its
    /// parts sum to that, and a zero change leaves everything as it was.
    #[test]
    fn key_split_sums_to_the_whole(text in table(), delta in -100_000i64..1_000_000, who in 0usize..4) {
        let imported = import_table(&text).unwrap();
        let budget = imported.budget;
        let a = analyse(&budget, &Options::default());
        let name = a.kommun_names[who % a.kommun_names.len()].clone();
        let y = a.chain[0];
        let base_col = &a.columns[y];
        let k = a.kommun_names.iter().position(|n| *n == name).unwrap();
        let scenario = Scenario { state_offer: Some(d(1_000_000_000)), ..Scenario::default() }
            .with_change(MemberRef::Kommun(name.clone()), Change::Kr(d(delta)));
        match run_scenario(&budget, &a, &scenario, &Options::default()) {
            Ok(outcome) => {
                let m = outcome.match_for(y).unwrap();
                let side = m.offers.kommuner_total() - m.base.kommuner_total();
                let want = finsam_kalkyl::engine::money::round_kr(d(delta) * base_col.kommuner_total / base_col.kommuner[k]);
                prop_assert_eq!(side, want);
                prop_assert_eq!(m.offers.kommuner[k] - m.base.kommuner[k], d(delta));
                prop_assert_eq!(m.offers.region - m.base.region, side);
            }
            // A kommun with no share, or a cut below zero, is refused with
            // a message, never a panic.
            Err(_) => prop_assert!(base_col.kommuner[k].is_zero() || delta < 0),
        }
        let zero = Scenario::default().with_change(MemberRef::Kommun(name), Change::Kr(Decimal::ZERO));
        let outcome = run_scenario(&budget, &a, &zero, &Options::default()).unwrap();
        prop_assert_eq!(&outcome.columns, &a.columns);
    }

    /// A scenario in alone mode with state room adds exactly 4 × the raise
    /// to total funding in every planned year.
    #[test]
    fn leverage_is_four_with_room(text in table(), raise in 1i64..500_000) {
        let imported = import_table(&text).unwrap();
        let a = analyse(&imported.budget, &Options::default());
        let name = a.kommun_names[0].clone();
        let scenario = Scenario { mode: Mode::Alone, state_offer: Some(d(1_000_000_000)), ..Scenario::default() }
            .with_change(MemberRef::Kommun(name), Change::Kr(d(raise)));
        let outcome = run_scenario(&imported.budget, &a, &scenario, &Options::default()).unwrap();
        for (b, n) in a.columns.iter().zip(&outcome.columns) {
            prop_assert_eq!(n.members_total - b.members_total, d(4 * raise));
        }
    }
}

proptest! {
    // Bounded fuzzing of the importer: arbitrary bytes and text, and the
    // presets with random damage. It must answer, never panic.
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn importer_never_panics_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        if let Ok(imported) = import_bytes(&bytes) {
            let a = analyse(&imported.budget, &Options::default());
            let _ = run_scenario(&imported.budget, &a, &Scenario::default(), &Options::default());
        }
    }

    #[test]
    fn importer_never_panics_on_text(text in "[A-Za-zåäöÅÄÖ0-9 ;,\t\"\n\u{a0}\u{2212}:.()-]{0,600}") {
        if let Ok(imported) = import_table(&text) {
            let a = analyse(&imported.budget, &Options::default());
            let _ = run_scenario(&imported.budget, &a, &Scenario::default(), &Options::default());
        }
    }

    #[test]
    fn importer_survives_damaged_presets(
        which in 0usize..3,
        edits in prop::collection::vec((any::<prop::sample::Index>(), "[0-9a-z;\t\n\" ,−-]{0,4}"), 1..8),
    ) {
        let mut text = presets::PRESETS[which].table().to_string();
        for (at, insert) in edits {
            let mut i = at.index(text.len() + 1);
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            text.insert_str(i, &insert);
        }
        if let Ok(imported) = import_table(&text) {
            let a = analyse(&imported.budget, &Options::default());
            for name in a.kommun_names.clone() {
                let sc = Scenario { mode: Mode::Alone, ..Scenario::default() }
                    .with_change(MemberRef::Kommun(name), Change::Percent(d(10)));
                let _ = run_scenario(&imported.budget, &a, &sc, &Options::default());
            }
        }
    }
}

#[test]
fn every_preset_imports_without_errors() {
    for p in presets::PRESETS {
        let imported = p.load().unwrap();
        assert!(imported.findings.is_empty(), "{}: {:?}", p.id, imported.findings);
        let a = analyse(&imported.budget, &Options::default());
        assert!(
            !a.findings
                .iter()
                .any(|f| f.severity == finsam_kalkyl::engine::Severity::Error),
            "{}",
            p.id
        );
        // JSON round trip gives the same budget and the same analysis.
        let json = imported.budget.to_json();
        let back = finsam_kalkyl::engine::Budget::from_json(&json).unwrap();
        assert_eq!(back, imported.budget);
        assert_eq!(analyse(&back, &Options::default()), a);
    }
}

proptest! {
    // Bounded fuzzing of the JSON loader: arbitrary text, and the exported
    // model with random damage. It must answer, never panic.
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn json_loader_never_panics(text in "\\PC{0,400}") {
        let _ = finsam_kalkyl::engine::Budget::from_json(&text);
        let _ = finsam_kalkyl::engine::import_file(text.as_bytes());
    }

    #[test]
    fn json_loader_survives_damaged_models(
        which in 0usize..3,
        edits in prop::collection::vec((any::<prop::sample::Index>(), "[0-9a-z{}\\[\\]\":,.-]{0,4}"), 1..6),
    ) {
        let mut text = presets::PRESETS[which].load().unwrap().budget.to_json();
        for (at, insert) in edits {
            let mut i = at.index(text.len() + 1);
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            text.insert_str(i, &insert);
        }
        if let Ok(budget) = finsam_kalkyl::engine::Budget::from_json(&text) {
            let a = analyse(&budget, &Options::default());
            let _ = run_scenario(&budget, &a, &Scenario::default(), &Options::default());
        }
    }
}

/// The goal seeks' search bounds, as `engine::planning` has them: a
/// uniform change of at most +1000 %, and at most 1 000 000 000 kr a year
/// from one member.
const MOST_PERCENT: i64 = 1000;
const MOST_KR: i64 = 1_000_000_000;

/// Every member's contribution changed by `pct` percent from `from`, as
/// the uniform goal seek changes it.
fn uniform(base: &finsam_kalkyl::engine::Analysis, pct: Decimal, from: i32, start: &Scenario) -> Scenario {
    let members = base
        .kommun_names
        .iter()
        .map(|k| MemberRef::Kommun(k.clone()))
        .chain(Some(MemberRef::Region));
    members.fold(
        Scenario {
            mode: Mode::Alone,
            region_follows: false,
            from_year: Some(from),
            ..start.clone()
        },
        |s, m| s.with_change(m, Change::Percent(pct)),
    )
}

proptest! {
    // Goal seeks, fed back in as scenarios, hold exactly at the floor:
    // their answer holds, and 1 kr (or 0,01 %) less does not. An answer
    // comes back exactly when the most the search may try holds.
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn goal_seeks_are_exact(text in table(), floor in 0i64..3_000_000, insats in 0i64..2_000_000) {
        use finsam_kalkyl::engine::{planning, scenario::NewInsats};
        let budget = import_table(&text).unwrap().budget;
        let options = Options::default();
        let base = analyse(&budget, &options);
        let floor = d(floor);
        let roomy = Scenario { state_offer: Some(d(900_000_000)), ..Scenario::default() };
        let from = base.budget_year.unwrap();
        let low = |s: &Scenario| {
            run_scenario(&budget, &base, s, &options).ok().and_then(|o| planning::lowest_equity(&base, &o, from))
        };
        let holds = |s: &Scenario| low(s).is_some_and(|l| l >= floor);

        let goal = planning::required_uniform(&budget, &base, &roomy, &options, floor, from);
        let most = uniform(&base, d(MOST_PERCENT), from, &roomy);
        prop_assert_eq!(goal.percent.is_some(), holds(&most));
        prop_assert_eq!(goal.scenario.is_some(), goal.percent.is_some());
        if let (Some(pct), Some(s)) = (goal.percent, goal.scenario) {
            prop_assert!(holds(&s));
            if pct > d(-100) {
                prop_assert!(!holds(&uniform(&base, pct - Decimal::new(1, 2), from, &roomy)));
            }
        }

        let member = MemberRef::Kommun(base.kommun_names[0].clone());
        let last = base.chain.last().map(|&i| base.columns[i].year).unwrap();
        let new = NewInsats { name: "Ny".into(), yearly: d(insats), start: from, end: last };
        let with = |x: Decimal| {
            let mut s = Scenario { mode: Mode::Key, region_follows: true, from_year: Some(from), ..roomy.clone() };
            s.new_insatser.push(new.clone());
            s.with_change(member.clone(), Change::Kr(x))
        };
        let answer = planning::required_of_member(&budget, &base, &roomy, &options, floor, &member, Some(&new));
        prop_assert_eq!(answer.is_some(), holds(&with(d(MOST_KR))));
        if let Some((x, s)) = answer {
            prop_assert_eq!(&s, &with(x));
            prop_assert!(holds(&s));
            if x > Decimal::ZERO {
                prop_assert!(!holds(&with(x - Decimal::ONE)));
            }
        }

        for (year, room) in planning::room(&budget, &base, &Scenario::default(), &options, floor) {
            let with = |x: Decimal| Scenario {
                new_insatser: vec![NewInsats { name: "R".into(), yearly: x, start: year, end: last }],
                ..Scenario::default()
            };
            let held = |x: Decimal| {
                run_scenario(&budget, &base, &with(x), &options).ok().and_then(|o| planning::lowest_equity(&base, &o, year))
            };
            match room {
                Some(r) => {
                    prop_assert!(held(r).unwrap() >= floor);
                    prop_assert!(held(r + Decimal::ONE).unwrap() < floor);
                }
                None => prop_assert!(held(Decimal::ZERO).unwrap() < floor),
            }
        }
    }

    /// Without utrymme to spare (the tables give the state exactly twice
    /// the kommun side), no raise can be matched: a floor above the
    /// baseline's lowest equity has no answer, from every member or from
    /// one, and the uniform answer says what it would take were the state
    /// to match everything. At or below it, there is always an answer.
    #[test]
    fn goal_seeks_say_when_the_state_leaves_no_answer(text in table(), above in 1i64..2_000_000) {
        use finsam_kalkyl::engine::planning;
        let budget = import_table(&text).unwrap().budget;
        let options = Options::default();
        let base = analyse(&budget, &options);
        let from = base.budget_year.unwrap();
        let start = Scenario::default();
        let outcome = run_scenario(&budget, &base, &start, &options).unwrap();
        let lowest = planning::lowest_equity(&base, &outcome, from).unwrap();
        let member = MemberRef::Kommun(base.kommun_names[0].clone());

        let floor = lowest + d(above);
        let goal = planning::required_uniform(&budget, &base, &start, &options, floor, from);
        prop_assert_eq!(goal.percent, None);
        prop_assert_eq!(goal.scenario, None);
        prop_assert!(goal.unmatched_alone.is_some_and(|a| a > Decimal::ZERO));
        // Were the state to match everything, it would take a raise.
        prop_assert!(goal.percent_if_state_matched.is_none_or(|p| p > Decimal::ZERO));
        prop_assert_eq!(planning::required_of_member(&budget, &base, &start, &options, floor, &member, None), None);

        let goal = planning::required_uniform(&budget, &base, &start, &options, lowest, from);
        prop_assert!(goal.percent.is_some_and(|p| p >= d(-100) && p <= Decimal::ZERO));
        let answer = planning::required_of_member(&budget, &base, &start, &options, lowest, &member, None);
        prop_assert_eq!(answer.map(|a| a.0), Some(Decimal::ZERO));
    }
}
