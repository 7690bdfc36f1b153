//! A contribution row's slider and ± buttons: the step is a round figure
//! near a twentieth of the baseline (Habo 204 600 → 10 000), and the
//! slider's grid passes through the baseline (Habo: 4 600, 14 600, …,
//! 204 600, 214 600), so dragging back lands on it exactly.

use rust_decimal::Decimal;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slider {
    pub step: Decimal,
    pub min: Decimal,
    pub max: Decimal,
}

/// The slider of a row whose baseline is `baseline` and whose value is
/// now `current`: from the baseline less whole steps to at least twice
/// the baseline, on the grid.
pub fn slider(baseline: Decimal, current: Decimal) -> Slider {
    let step = nice_step(baseline / Decimal::from(20));
    let base = baseline.max(Decimal::ZERO);
    let min = base - (base / step).floor() * step;
    let top = (baseline * Decimal::TWO).max(current);
    let max = min + ((top - min) / step).ceil().max(Decimal::from(20)) * step;
    Slider { step, min, max }
}

/// 1, 2 or 5 × 10ⁿ at or below `x`, and at least 100 kr.
pub fn nice_step(x: Decimal) -> Decimal {
    let mut unit = Decimal::ONE_HUNDRED;
    let mut best = unit;
    while unit <= x {
        for m in [1, 2, 5] {
            let candidate = unit * Decimal::from(m);
            if candidate <= x {
                best = candidate;
            }
        }
        unit *= Decimal::TEN;
    }
    best
}
