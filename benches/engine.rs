//! Engine timings, printed by criterion (`scripts/bench.sh`, or
//! `cargo bench --features bench --bench engine`). Targets (issues 2 and
//! 7): a scenario recompute of the 2024 preset under 20 µs, and of a large
//! synthetic förbund under 100 µs.

use criterion::{criterion_group, criterion_main, Criterion};
use finsam_kalkyl::bench_support::{large_case, preset_case};
use finsam_kalkyl::engine::{analyse, import_table, presets, run_scenario, Options};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let (budget, base, scenario) = preset_case();
    c.bench_function("scenario recompute, Södra Vätterbygden 2024", |b| {
        b.iter(|| {
            run_scenario(
                black_box(&budget),
                black_box(&base),
                black_box(&scenario),
                &Options::default(),
            )
        })
    });
    c.bench_function("baseline analysis, Södra Vätterbygden 2024", |b| {
        b.iter(|| analyse(black_box(&budget), &Options::default()))
    });
    let csv = presets::find(presets::DEFAULT_PRESET)
        .map(|p| p.table())
        .unwrap_or_default();
    c.bench_function("import, Södra Vätterbygden 2024", |b| {
        b.iter(|| import_table(black_box(csv)))
    });
    let (budget, base, scenario) = large_case();
    c.bench_function("scenario recompute, 12 kommuner × 40 lines × 10 years", |b| {
        b.iter(|| {
            run_scenario(
                black_box(&budget),
                black_box(&base),
                black_box(&scenario),
                &Options::default(),
            )
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
