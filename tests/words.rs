#![cfg(not(target_arch = "wasm32"))]
//! Every error and notice of the state and the scenario engine, and every
//! shared sentence, reads in English with no Swedish in it, and in Swedish
//! with no English; none carries a parser's or the program's own words.
//! (The browser test does the same on the page, field by field.)

use finsam_kalkyl::engine::explain::{AskLine, Lever, Party, Shortfall};
use finsam_kalkyl::engine::findings::Binding;
use finsam_kalkyl::engine::money::AmountError;
use finsam_kalkyl::engine::planning::UniformGoal;
use finsam_kalkyl::engine::scenario::Role;
use finsam_kalkyl::engine::{BudgetError, Lang, Quantity, ScenarioError, SwedishFormat};
use finsam_kalkyl::state::persist::{file::FileError, ReadError};
use finsam_kalkyl::state::{ExportFailure, InputError, KeyError, Notice, WorkerFailure};
use finsam_kalkyl::words::{self, Say};
use rust_decimal::Decimal;

/// Names from no language, so the checks see only the sentence around them.
const MEMBER: &str = "Member X";

fn d(n: i64) -> Decimal {
    Decimal::from(n)
}

fn scenario_errors() -> Vec<ScenarioError> {
    use ScenarioError::*;
    let mut all = vec![
        UnknownMember {
            name: "Y".into(),
            members: vec![MEMBER.into()],
        },
        AmbiguousMember {
            name: "M".into(),
            candidates: vec![MEMBER.into(), "Member Z".into()],
        },
        StateIsNotAMember,
        FromYearOutside {
            year: 2030,
            first: 2023,
            last: 2026,
        },
        NegativeStateOffer,
        NegativeOffer {
            member: MEMBER.into(),
            year: 2024,
            offer: d(-5),
        },
        NoKeyShare {
            member: MEMBER.into(),
        },
        NoPlannedYears,
        UnknownCostLine {
            line: "Line L".into(),
        },
        InsatsYears {
            name: "Project P".into(),
        },
    ];
    for what in [
        Quantity::Change,
        Quantity::StateOffer,
        Quantity::StepUp,
        Quantity::Utilisation,
        Quantity::CostIndex,
        Quantity::Interest,
        Quantity::CostChange,
        Quantity::InsatsCost,
        Quantity::Guideline,
    ] {
        all.push(AmountTooLarge { what });
        all.push(PercentOutOfRange {
            what,
            min: 0,
            max: 200,
        });
    }
    all
}

fn read_errors() -> Vec<ReadError> {
    let mut all = vec![
        ReadError::Encoding,
        ReadError::NotJson,
        ReadError::Damaged,
        ReadError::Version { found: 2, reads: 1 },
        ReadError::Version { found: 0, reads: 1 },
        ReadError::Version { found: 3, reads: 2 },
        ReadError::UnknownBudget("import-9".into()),
    ];
    all.extend(
        [
            BudgetError::NotJson,
            BudgetError::NotTheModel,
            BudgetError::NoVersion,
            BudgetError::Version { found: 9 },
            BudgetError::NoColumns,
            BudgetError::RowLength {
                row: 3,
                label: "Row R".into(),
                values: 2,
                columns: 3,
            },
            BudgetError::TooLarge {
                row: 3,
                label: "Row R".into(),
            },
            BudgetError::BadKey,
        ]
        .map(ReadError::Budget),
    );
    all.extend(scenario_errors().into_iter().map(ReadError::Scenario));
    all
}

fn notices() -> Vec<Notice> {
    let mut all = vec![Notice::StorageUnavailable, Notice::LinkReady, Notice::CopyLink];
    all.extend(read_errors().into_iter().map(Notice::BadLink));
    all.extend(read_errors().into_iter().map(Notice::BadSaved));
    all.extend(scenario_errors().into_iter().map(Notice::Refused));
    all.push(Notice::UnknownPreset("nowhere-2030".into()));
    let unreadable = finsam_kalkyl::engine::import_table("no years;here\n1;2").unwrap_err();
    all.extend(
        [
            FileError::Address,
            FileError::Scheme("data".into()),
            FileError::Status(404),
            FileError::Status(500),
            FileError::Offline,
            FileError::Unreachable,
            FileError::TooLarge,
            FileError::TimedOut,
            FileError::Unreadable(unreadable),
        ]
        .map(|why| Notice::BudgetFile {
            name: "budget-2025.csv".into(),
            why,
        }),
    );
    all.extend(
        [
            ExportFailure::CannotStart,
            ExportFailure::WorkerFailed,
            ExportFailure::Workbook,
            ExportFailure::Browser,
        ]
        .map(Notice::ExportFailed),
    );
    all
}

fn levers() -> Vec<Lever> {
    let shares = |by_key, sign: i64| Lever::Shares {
        members: vec![(MEMBER.into(), d(sign * 10))],
        by_key,
        others: vec![
            (Party::OtherKommuner, d(sign * 20)),
            (Party::Region, d(sign * 30)),
            (Party::State, d(sign * 60)),
        ],
        total: d(sign * 120),
    };
    let mut all = vec![
        Lever::NoChange,
        Lever::PerKrona {
            member: MEMBER.into(),
            delta: d(10),
            per_krona: d(4),
        },
        Lever::PerKrona {
            member: MEMBER.into(),
            delta: d(-10),
            per_krona: d(4),
        },
        shares(true, 1),
        shares(false, -1),
        Lever::Shares {
            members: vec![(MEMBER.into(), d(10)), ("Member Z".into(), d(-5))],
            by_key: false,
            others: vec![(Party::Kommuner, d(5)), (Party::State, d(-2))],
            total: Decimal::ZERO,
        },
    ];
    for binding in [Binding::State, Binding::Region, Binding::Kommuner] {
        all.push(Lever::Blocked {
            member: MEMBER.into(),
            binding,
            state_needed: d(100),
        });
    }
    all
}

/// Every sentence the shared words make, in `lang`.
fn everything(lang: Lang) -> Vec<String> {
    let f = &SwedishFormat;
    let mut all: Vec<String> = notices().iter().map(|n| n.say(lang, f)).collect();
    all.extend(levers().iter().map(|l| l.say(lang, f)));
    all.extend(
        [Binding::State, Binding::Region, Binding::Kommuner].map(|binding| {
            Shortfall {
                amount: d(5),
                binding,
                state_needed: d(100),
            }
            .say(lang, f)
        }),
    );
    all.extend([
        KeyError {
            kommun: MEMBER.into(),
            amount: None,
        }
        .say(lang, f),
        KeyError {
            kommun: MEMBER.into(),
            amount: Some(AmountError::NotANumber("x".into())),
        }
        .say(lang, f),
        InputError::Amount(AmountError::Empty).say(lang, f),
        InputError::Scenario(ScenarioError::NoPlannedYears).say(lang, f),
        WorkerFailure::CannotStart.say(lang, f),
        WorkerFailure::NotLoaded.say(lang, f),
        WorkerFailure::Garbled.say(lang, f),
        words::asks_heading(2024, lang),
        words::ask_note(
            &AskLine {
                member: MEMBER.into(),
                role: Role::State,
                amount: d(0),
                state_short: Some(d(5)),
            },
            lang,
            f,
        ),
        words::member_goal(MEMBER, Some(d(6305)), lang, f),
        words::member_goal(MEMBER, None, lang, f),
    ]);
    for goal in [
        UniformGoal {
            from: 2024,
            percent: Some(d(2)),
            scenario: None,
            percent_if_state_matched: None,
            unmatched_alone: None,
        },
        UniformGoal {
            from: 2024,
            percent: None,
            scenario: None,
            percent_if_state_matched: Some(d(3)),
            unmatched_alone: Some(d(1000)),
        },
        UniformGoal {
            from: 2024,
            percent: None,
            scenario: None,
            percent_if_state_matched: None,
            unmatched_alone: None,
        },
    ] {
        all.push(words::uniform_goal(&goal, d(0), lang, f));
    }
    all
}

/// Words only Swedish has, as whole words, and its letters.
const SWEDISH: [&str; 16] = [
    "och",
    "är",
    "inte",
    "kan",
    "för",
    "med",
    "det",
    "som",
    "till",
    "av",
    "från",
    "har",
    "skulle",
    "staten",
    "kommunerna",
    "förbundet",
];
const ENGLISH: [&str; 10] = [
    "the",
    "and",
    "is",
    "not",
    "cannot",
    "with",
    "from",
    "would",
    "association",
    "allocation",
];
/// A parser's or a program's own words, and pieces of its text.
const INTERNAL_WORDS: [&str; 5] = ["error", "invalid", "expected", "serde", "panicked"];
const INTERNAL_TEXT: [&str; 4] = ["missing field", "unknown variant", "{", "}"];

fn has_word(text: &str, word: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| w.eq_ignore_ascii_case(word))
}

#[test]
fn english_says_nothing_in_swedish() {
    for text in everything(Lang::En) {
        assert!(!text.contains(['å', 'ä', 'ö', 'Å', 'Ä', 'Ö', '«']), "{text}");
        for word in SWEDISH {
            assert!(!has_word(&text, word), "«{word}» in: {text}");
        }
    }
}

#[test]
fn swedish_says_nothing_in_english() {
    for text in everything(Lang::Sv) {
        for word in ENGLISH {
            assert!(!has_word(&text, word), "“{word}” in: {text}");
        }
    }
}

#[test]
fn no_sentence_carries_internal_text_and_each_is_one_sentence_or_more() {
    for lang in [Lang::Sv, Lang::En] {
        for text in everything(lang) {
            for word in INTERNAL_WORDS {
                assert!(!has_word(&text, word), "{word} in: {text}");
            }
            for piece in INTERNAL_TEXT {
                assert!(!text.contains(piece), "{piece} in: {text}");
            }
            assert!(!text.contains(".."), "{text}");
        }
    }
}
