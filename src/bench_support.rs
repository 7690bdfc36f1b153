//! Inputs for the benchmarks (feature `bench` only): the same scenarios are
//! timed natively by criterion and in wasm by the `?bench` page.

use crate::engine::{
    analyse, import_table, presets, scenario::resolve_member, Analysis, Budget, Change, Mode, Options,
    Scenario,
};
use rust_decimal::Decimal;

/// Södra Vätterbygden 2024, Habo +10 000 kr key-bound with room.
pub fn preset_case() -> (Budget, Analysis, Scenario) {
    let budget = presets::find(presets::DEFAULT_PRESET)
        .and_then(|p| p.load().ok())
        .map(|i| i.budget);
    case(budget.unwrap_or_else(large_budget), "Habo")
}

/// 12 kommuner, 40 cost lines, 10 years: a large förbund.
pub fn large_case() -> (Budget, Analysis, Scenario) {
    case(large_budget(), "Kommun3")
}

fn case(budget: Budget, member: &str) -> (Budget, Analysis, Scenario) {
    let base = analyse(&budget, &Options::default());
    let mut scenario = Scenario {
        mode: Mode::Key,
        state_offer: Some(Decimal::from(99_000_000)),
        ..Scenario::default()
    };
    if let Ok(member) = resolve_member(&base, member) {
        scenario = scenario.with_change(member, Change::Kr(Decimal::from(10_000)));
    }
    (budget, base, scenario)
}

fn large_budget() -> Budget {
    let years = 10;
    let mut t = String::from("Stort förbund");
    for y in 0..years {
        t.push_str(&format!(
            ";{} {}",
            if y == 0 { "Budget" } else { "Plan" },
            2025 + y
        ));
    }
    t.push_str("\nIntäkter\n");
    let per_kommun: Vec<i64> = (0..12).map(|k| 150_000 + k * 97_300).collect();
    let side: i64 = per_kommun.iter().sum();
    for (k, amount) in per_kommun.iter().enumerate() {
        t.push_str(&format!(
            "Kommun{k} kommun{}\n",
            format!(";{amount}").repeat(years)
        ));
    }
    t.push_str(&format!("Region Stor{}\n", format!(";{side}").repeat(years)));
    t.push_str(&format!(
        "Försäkringskassan{}\n",
        format!(";{}", 2 * side).repeat(years)
    ));
    t.push_str(&format!("Balanserat resultat;3000000{}\n", ";".repeat(years - 1)));
    t.push_str("Kostnader\n");
    for j in 0..40 {
        t.push_str(&format!(
            "Insats {j}{}\n",
            format!(";{}", 80_000 + j * 5_000).repeat(years)
        ));
    }
    import_table(&t)
        .map(|i| i.budget)
        .unwrap_or_else(|e| panic!("synthetic table: {e}"))
}
