//! The statutory matching of Finsam § 5: the state pays half, the region a
//! quarter and the kommuner together a quarter, and the state's money is
//! taken up only as far as the others match it.

use super::findings::Binding;
use super::money::split_largest_remainder;
use rust_decimal::Decimal;

/// Multiplying by one half is exact and much cheaper than dividing by two.
const HALF: Decimal = Decimal::from_parts(5, 0, 0, false, 1);

/// DOMAIN.md's matched half: `H = min(offer_state / 2, offer_region,
/// Σ offer_kommun)`, rounded down to a whole krona. The region pays `H`,
/// the kommuner `H` together, the state `2H`.
pub fn matched_half(offer_state: Decimal, offer_region: Decimal, offer_kommuner: Decimal) -> Decimal {
    (offer_state * HALF).min(offer_region).min(offer_kommuner).floor()
}

/// What each party offers, or pays, in one year.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Parties {
    pub state: Decimal,
    pub region: Decimal,
    pub kommuner: Vec<Decimal>,
}

impl Parties {
    pub fn kommuner_total(&self) -> Decimal {
        self.kommuner.iter().copied().sum()
    }

    pub fn total(&self) -> Decimal {
        self.state + self.region + self.kommuner_total()
    }
}

/// The outcome of matching offers in one year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matched {
    pub paid: Parties,
    /// Offered above the matched part: it cannot be used under § 5.
    pub unmatched_region: Decimal,
    pub unmatched_kommuner: Vec<Decimal>,
    /// The state's offer left unused.
    pub unused_state: Decimal,
    /// Which party's offer limits the others, when anything is unmatched.
    pub binding: Option<Binding>,
    /// The state offer that would match everything the region and the
    /// kommuner offer.
    pub state_needed: Decimal,
}

impl Matched {
    pub fn unmatched_total(&self) -> Decimal {
        self.unmatched_region + self.unmatched_kommuner.iter().copied().sum::<Decimal>()
    }
}

/// Matches offers against a baseline the förbund has already agreed.
///
/// The baseline's own amounts stand, including any rounding gap in them
/// (Södra Vätterbygden 2012: kommuner 576 900 against region 576 800), and
/// § 5 is applied to the change: `ΔH = ⌊min(Δstate / 2, Δregion,
/// Δkommuner)⌋`. When the baseline is balanced (state = 2 × region =
/// 2 × kommuner) this is exactly DOMAIN.md's formula on the offers, which
/// a property test checks. Where a cut would push a party below zero the
/// formula is applied to the offers from scratch instead.
pub fn match_change(base: &Parties, offers: &Parties) -> Matched {
    let base_k = base.kommuner_total();
    let offer_k = offers.kommuner_total();
    let d_state = offers.state - base.state;
    let d_region = offers.region - base.region;
    let d_kommuner = offer_k - base_k;
    let dh = matched_half(d_state, d_region, d_kommuner);
    let (mut region, mut kommuner_target, mut state) =
        (base.region + dh, base_k + dh, base.state + dh * Decimal::TWO);
    if region < Decimal::ZERO || kommuner_target < Decimal::ZERO || state < Decimal::ZERO {
        let h = matched_half(offers.state, offers.region, offer_k).max(Decimal::ZERO);
        region = h;
        kommuner_target = h;
        state = h * Decimal::TWO;
    }
    let kommuner = allocate(kommuner_target, &offers.kommuner, &base.kommuner);
    let unmatched_kommuner: Vec<Decimal> = offers
        .kommuner
        .iter()
        .zip(&kommuner)
        .map(|(o, p)| (*o - *p).max(Decimal::ZERO))
        .collect();
    let unmatched_region = (offers.region - region).max(Decimal::ZERO);
    let anything_unmatched = !unmatched_region.is_zero() || unmatched_kommuner.iter().any(|u| !u.is_zero());
    let binding = anything_unmatched.then(|| {
        let half_state = d_state * HALF;
        if half_state <= d_region && half_state <= d_kommuner {
            Binding::State
        } else if d_region <= d_kommuner {
            Binding::Region
        } else {
            Binding::Kommuner
        }
    });
    Matched {
        unused_state: (offers.state - state).max(Decimal::ZERO),
        paid: Parties {
            state,
            region,
            kommuner,
        },
        unmatched_region,
        unmatched_kommuner,
        binding,
        state_needed: base.state + Decimal::TWO * d_region.min(d_kommuner).max(Decimal::ZERO),
    }
}

/// Splits what the kommun side pays, `target`, among the kommuner so that
/// the parts sum to it exactly and nobody pays more than it offered.
/// Increases over the baseline are cut first, in proportion to the
/// increases: a raise that cannot be matched falls on whoever raised.
/// Only then is the rest cut in proportion to what each still pays.
pub fn allocate(target: Decimal, offers: &[Decimal], base: &[Decimal]) -> Vec<Decimal> {
    let offered: Decimal = offers.iter().copied().sum();
    let cut = offered - target;
    if cut <= Decimal::ZERO {
        return offers.to_vec();
    }
    let increases: Vec<Decimal> = offers
        .iter()
        .zip(base)
        .map(|(o, b)| (*o - *b).max(Decimal::ZERO))
        .collect();
    let raised: Decimal = increases.iter().copied().sum();
    if cut <= raised {
        let cuts = split_largest_remainder(cut, &increases);
        return within_offers(offers.iter().zip(cuts).map(|(o, c)| *o - c).collect(), offers);
    }
    let kept: Vec<Decimal> = offers.iter().zip(&increases).map(|(o, i)| *o - *i).collect();
    let cuts = split_largest_remainder(cut - raised, &kept);
    within_offers(kept.iter().zip(cuts).map(|(k, c)| *k - c).collect(), offers)
}

/// Cuts are whole kronor and öre go to the largest part, so where offers
/// have öre a part can end a fraction past its offer or below zero. Moves
/// that fraction to parts with room; the sum stays the same.
fn within_offers(mut paid: Vec<Decimal>, offers: &[Decimal]) -> Vec<Decimal> {
    let mut spill = Decimal::ZERO;
    for (p, o) in paid.iter_mut().zip(offers) {
        let fitted = (*p).min(*o).max(Decimal::ZERO);
        spill += *p - fitted;
        *p = fitted;
    }
    for (p, o) in paid.iter_mut().zip(offers) {
        let moved = if spill > Decimal::ZERO {
            (*o - *p).min(spill)
        } else {
            -(*p).min(-spill)
        };
        *p += moved;
        spill -= moved;
    }
    paid
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(n: i64) -> Decimal {
        Decimal::from(n)
    }

    fn sv2024() -> Parties {
        Parties {
            state: d(5_586_000),
            region: d(2_793_000),
            kommuner: vec![d(204_600), d(2_243_200), d(116_200), d(229_000)],
        }
    }

    #[test]
    fn a_raise_within_the_state_room_is_matched_four_times() {
        let base = sv2024();
        let mut offers = base.clone();
        offers.state = d(6_000_000);
        offers.region += d(10_000);
        offers.kommuner[0] += d(10_000);
        let m = match_change(&base, &offers);
        assert_eq!(m.paid.total() - base.total(), d(40_000));
        assert_eq!(m.paid.state, d(5_606_000));
        assert_eq!(m.binding, None);
        assert_eq!(m.unused_state, d(394_000));
    }

    #[test]
    fn a_raise_past_the_state_room_is_unmatched() {
        let base = sv2024();
        let mut offers = base.clone();
        offers.region += d(10_000);
        offers.kommuner[0] += d(10_000);
        let m = match_change(&base, &offers);
        assert_eq!(m.paid, base);
        assert_eq!(m.binding, Some(Binding::State));
        assert_eq!(m.unmatched_region, d(10_000));
        assert_eq!(m.unmatched_kommuner, vec![d(10_000), d(0), d(0), d(0)]);
        assert_eq!(m.state_needed, d(5_606_000));
    }

    #[test]
    fn when_one_member_lags_everyone_shrinks() {
        let base = sv2024();
        let mut offers = base.clone();
        offers.region -= d(100_000);
        let m = match_change(&base, &offers);
        assert_eq!(m.paid.region, d(2_693_000));
        assert_eq!(m.paid.kommuner_total(), d(2_693_000));
        assert_eq!(m.paid.state, d(5_386_000));
        assert_eq!(m.binding, Some(Binding::Region));
    }

    #[test]
    fn the_2012_rounding_gap_stands_untouched() {
        let base = Parties {
            state: d(1_153_600),
            region: d(576_800),
            kommuner: vec![d(35_600), d(441_600), d(22_900), d(76_800)],
        };
        let m = match_change(&base, &base);
        assert_eq!(m.paid, base);
        assert_eq!(m.binding, None);
    }

    #[test]
    fn cuts_fall_on_the_raise_first() {
        let paid = allocate(d(300), &[d(150), d(100), d(100)], &[d(100), d(100), d(100)]);
        assert_eq!(paid, vec![d(100), d(100), d(100)]);
        let paid = allocate(d(150), &[d(100), d(100)], &[d(100), d(100)]);
        assert_eq!(paid, vec![d(75), d(75)]);
    }
}
