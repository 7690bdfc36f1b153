//! Engine timings, printed by criterion (`cargo bench --bench engine`).
//! Targets (issues 2 and 7): a scenario recompute of the 2024 preset under
//! 20 µs, and of a large synthetic förbund under 100 µs.

use criterion::{criterion_group, criterion_main, Criterion};
use finsam_kalkyl::engine::{
    analyse, import_table, presets, run_scenario, scenario::resolve_member, Budget, Change, Mode,
    Options, Scenario,
};
use rust_decimal::Decimal;
use std::hint::black_box;

/// 12 kommuner, 40 cost lines, 10 years: a large förbund.
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
    t.push_str(&format!(
        "Region Stor{}\n",
        format!(";{side}").repeat(years)
    ));
    t.push_str(&format!(
        "Försäkringskassan{}\n",
        format!(";{}", 2 * side).repeat(years)
    ));
    t.push_str(&format!(
        "Balanserat resultat;3000000{}\n",
        ";".repeat(years - 1)
    ));
    t.push_str("Kostnader\n");
    for j in 0..40 {
        t.push_str(&format!(
            "Insats {j}{}\n",
            format!(";{}", 80_000 + j * 5_000).repeat(years)
        ));
    }
    import_table(&t).expect("synthetic table imports").budget
}

fn scenario_for(budget: &Budget, member: &str) -> (finsam_kalkyl::engine::Analysis, Scenario) {
    let base = analyse(budget, &Options::default());
    let member = resolve_member(&base, member).expect("member");
    let scenario = Scenario {
        mode: Mode::Key,
        state_offer: Some(Decimal::from(99_000_000)),
        ..Scenario::default()
    }
    .with_change(member, Change::Kr(Decimal::from(10_000)));
    (base, scenario)
}

fn bench(c: &mut Criterion) {
    let preset = presets::find("sodra-vatterbygden-2024")
        .unwrap()
        .load()
        .unwrap()
        .budget;
    let (base, scenario) = scenario_for(&preset, "Habo");
    c.bench_function("scenario recompute, Södra Vätterbygden 2024", |b| {
        b.iter(|| {
            run_scenario(
                black_box(&preset),
                black_box(&base),
                black_box(&scenario),
                &Options::default(),
            )
        })
    });
    c.bench_function("baseline analysis, Södra Vätterbygden 2024", |b| {
        b.iter(|| analyse(black_box(&preset), &Options::default()))
    });
    c.bench_function("import, Södra Vätterbygden 2024", |b| {
        b.iter(|| {
            import_table(black_box(
                presets::find("sodra-vatterbygden-2024").unwrap().csv,
            ))
        })
    });
    let large = large_budget();
    let (base, scenario) = scenario_for(&large, "Kommun3");
    c.bench_function(
        "scenario recompute, 12 kommuner × 40 lines × 10 years",
        |b| {
            b.iter(|| {
                run_scenario(
                    black_box(&large),
                    black_box(&base),
                    black_box(&scenario),
                    &Options::default(),
                )
            })
        },
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
