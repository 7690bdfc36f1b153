//! Writes the starting seeds and the dictionaries from the presets and
//! fixtures: `cargo run --example seeds -- OUT_DIR` (scripts/fuzz.sh --seeds).
//! Seeds are checked to open, so each starts the fuzzer inside a door
//! rather than at its first refusal. The corpora kept in fuzz/corpus/ are
//! these seeds and what the fuzzers found, minimised.

use finsam_kalkyl::engine::model::{KeyBasis, KeyWeight, SplitKey};
use finsam_kalkyl::engine::presets::PRESETS;
use finsam_kalkyl::engine::scenario::{CostChange, CostEdit, NewInsats};
use finsam_kalkyl::engine::{Budget, Change, Lang, MemberRef, Mode, Scenario};
use finsam_kalkyl::state::persist::link::{self, Link, LINK_VERSION};
use finsam_kalkyl::state::persist::{read_saved, NativeCodec, Saved, SAVED_VERSION};
use finsam_kalkyl::state::{ImportedBudget, NamedScenario, State};
use finsam_kalkyl_fuzz::persist::{deflate, page_file, FILE_ID};
use finsam_kalkyl_fuzz::words::{KINDS, LABELS, UNITS};
use finsam_kalkyl_fuzz::{PRESET_READER, TABLES};
use rust_decimal::Decimal;
use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;

fn write(dir: &Path, target: &str, name: &str, bytes: &[u8]) {
    let dir = dir.join("corpus").join(target);
    std::fs::create_dir_all(&dir).expect("can create the corpus folder");
    std::fs::write(dir.join(name), bytes).expect("can write a seed");
}

/// The state a seed link opens: a seed that does not open would start the
/// fuzzer at the door's first refusal.
fn open_link(text: &str) -> State {
    link::parse(text, &NativeCodec)
        .and_then(|l| link::open(l, Some(page_file()), PRESET_READER))
        .expect("the seed link opens")
}

/// A link as the share link target reads it in each form: its JSON, the
/// fragment the browser writes (compressed), the fragment a browser
/// without compression writes, and (a 0 byte first) the bytes the
/// browser's compression gives; `stored` adds them uncompressed in
/// deflate's stored blocks, where the fuzzer can alter the JSON itself.
fn write_link(dir: &Path, name: &str, text: &str, stored: bool) {
    let state = open_link(text);
    let json = link::json(&state, &NativeCodec);
    let deflated = deflate(&json);
    write(dir, "share_link", &format!("{name}.json"), text.as_bytes());
    write(
        dir,
        "share_link",
        &format!("{name}.fragment"),
        link::compressed(&deflated).as_bytes(),
    );
    write(
        dir,
        "share_link",
        &format!("{name}.plain-fragment"),
        link::plain(&json, &NativeCodec).as_bytes(),
    );
    write(
        dir,
        "share_link",
        &format!("{name}.deflated"),
        &[&[0], &deflated[..]].concat(),
    );
    if stored {
        let mut encoder = flate2::write::DeflateEncoder::new(vec![0], flate2::Compression::none());
        encoder.write_all(json.as_bytes()).expect("writes to memory");
        let bytes = encoder.finish().expect("writes to memory");
        write(dir, "share_link", &format!("{name}.stored"), &bytes);
    }
}

/// A scenario that sets every field, on a budget's own members and lines.
fn full_scenario(budget: &Budget) -> Scenario {
    let kommun = budget
        .kommun_labels()
        .first()
        .map(|k| k.to_string())
        .unwrap_or_default();
    let lines: Vec<&str> = budget
        .rows
        .iter()
        .filter(|r| r.class.is_cost())
        .map(|r| r.label.as_str())
        .collect();
    let years: Vec<i32> = budget.columns.iter().map(|c| c.year).collect();
    let (first, last) = (
        years.iter().copied().min().unwrap_or(0),
        years.iter().copied().max().unwrap_or(0),
    );
    Scenario {
        mode: Mode::Alone,
        region_follows: false,
        state_offer: Some(Decimal::from(6_000_000)),
        step_up_pct: Some(Decimal::from(10)),
        cost_changes: vec![
            CostChange {
                line: lines.first().copied().unwrap_or_default().into(),
                edit: CostEdit::Kr(Decimal::from(-50_000)),
            },
            CostChange {
                line: lines.last().copied().unwrap_or_default().into(),
                edit: CostEdit::Off,
            },
        ],
        new_insatser: vec![NewInsats {
            name: "Ny insats".into(),
            yearly: Decimal::from(250_000),
            start: first,
            end: last,
        }],
        utilisation_pct: Some(Decimal::from(90)),
        cost_index_pct: Some(Decimal::new(25, 1)),
        interest_pct: Some(Decimal::ONE),
        ..Scenario::default()
    }
    .with_change(MemberRef::Kommun(kommun), Change::Kr(Decimal::from(10_000)))
    .with_change(MemberRef::Region, Change::Percent(Decimal::from(5)))
}

fn key_bound(budget: &Budget) -> Scenario {
    let kommun = budget
        .kommun_labels()
        .first()
        .map(|k| k.to_string())
        .unwrap_or_default();
    Scenario {
        from_year: budget.columns.iter().map(|c| c.year).max(),
        ..Scenario::default()
    }
    .with_change(MemberRef::Kommun(kommun), Change::Kr(Decimal::from(10_000)))
}

fn with_key(mut budget: Budget) -> Budget {
    let weights = budget
        .kommun_labels()
        .iter()
        .enumerate()
        .map(|(i, k)| KeyWeight {
            kommun: k.to_string(),
            weight: Decimal::from(10_000 * (i as i64 + 1)),
        })
        .collect();
    budget.key = Some(SplitKey {
        basis: KeyBasis::Population,
        weights,
    });
    budget
}

/// libFuzzer's dictionary syntax: one quoted entry a line, anything but
/// printable ASCII escaped.
fn dict_entry(word: &str) -> String {
    let mut s = String::from("\"");
    for b in word.bytes() {
        match b {
            b'"' | b'\\' => s.push_str(&format!("\\{}", b as char)),
            0x20..=0x7e => s.push(b as char),
            _ => s.push_str(&format!("\\x{b:02X}")),
        }
    }
    s.push('"');
    s
}

fn write_dict(dir: &Path, name: &str, words: &BTreeSet<String>) {
    let dir = dir.join("dict");
    std::fs::create_dir_all(&dir).expect("can create the dict folder");
    let text: String = words
        .iter()
        .filter(|w| !w.is_empty())
        .map(|w| dict_entry(w) + "\n")
        .collect();
    std::fs::write(dir.join(name), text).expect("can write a dictionary");
}

/// Every string and key in a JSON text, quoted as JSON writes them.
fn json_words(json: &str, words: &mut BTreeSet<String>) {
    let value: serde_json::Value = serde_json::from_str(json).expect("seed is JSON");
    fn walk(v: &serde_json::Value, words: &mut BTreeSet<String>) {
        match v {
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    words.insert(format!("\"{k}\":"));
                    walk(v, words);
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| walk(v, words)),
            serde_json::Value::String(s) if s.len() <= 40 => {
                words.insert(format!("\"{s}\""));
            }
            _ => {}
        }
    }
    walk(&value, words);
}

fn main() {
    let out = std::env::args().nth(1).unwrap_or_else(|| "fuzz".into());
    let out = Path::new(&out);
    let mut json = BTreeSet::new();

    for (path, bytes) in TABLES {
        let name = path.replace('/', "_");
        write(out, "import_bytes", &name, bytes);
    }
    for (i, p) in PRESETS.iter().enumerate() {
        write(out, "import_bytes", &format!("{}.json", p.id), p.json.as_bytes());
        write(out, "budget_json", &format!("{}.json", p.id), p.json.as_bytes());
        json_words(p.json, &mut json);
        let budget = (PRESET_READER.0)(p).expect("every preset imports");
        let keyed = with_key(budget.clone());
        write(
            out,
            "budget_json",
            &format!("{}-key.json", p.id),
            keyed.to_json().as_bytes(),
        );
        json_words(&keyed.to_json(), &mut json);

        for (n, scenario) in [Scenario::default(), full_scenario(&budget), key_bound(&budget)]
            .into_iter()
            .enumerate()
        {
            let link = Link {
                v: LINK_VERSION,
                preset: p.id.into(),
                lang: if n == 1 { Lang::En } else { Lang::Sv },
                scenario: scenario.clone(),
                budget: None,
                guideline: (n == 1).then(|| Decimal::from(25)),
            };
            let text = serde_json::to_string(&link).expect("serialises");
            if n == 1 {
                write_link(out, &format!("{}-{n}", p.id), &text, i == 0);
            } else {
                open_link(&text);
                write(out, "share_link", &format!("{}-{n}.json", p.id), text.as_bytes());
            }
            json_words(&text, &mut json);
        }

        // A link that carries its own (imported) budget, with a split key.
        let import = ImportedBudget {
            id: format!("import-{}", i + 1),
            name: format!("Importerad {}", p.name),
            budget: keyed.clone(),
        };
        let link = Link {
            v: LINK_VERSION,
            preset: import.id.clone(),
            lang: Lang::Sv,
            scenario: full_scenario(&budget),
            budget: Some(import.clone()),
            guideline: None,
        };
        let text = serde_json::to_string(&link).expect("serialises");
        write_link(out, &format!("{}-import", p.id), &text, false);

        // What a browser saves: scenarios kept under names, an import open.
        let saved = Saved {
            version: SAVED_VERSION,
            preset: if i == 0 { import.id.clone() } else { p.id.into() },
            lang: Lang::Sv,
            scenario: key_bound(&budget),
            named: vec![
                NamedScenario {
                    name: "Alla höjer".into(),
                    preset: p.id.into(),
                    scenario: full_scenario(&budget),
                },
                NamedScenario {
                    name: "Habo".into(),
                    preset: import.id.clone(),
                    scenario: key_bound(&budget),
                },
            ],
            imports: vec![import],
            guideline: Some(Decimal::from(30)),
        };
        let text = serde_json::to_string(&saved).expect("serialises");
        read_saved(&text, &NativeCodec, PRESET_READER).expect("the seed state opens");
        write(out, "saved_state", &format!("{}.json", p.id), text.as_bytes());
        json_words(&text, &mut json);
    }
    // A link to the page's own budget file, which it names, not carries.
    let file = page_file();
    let text = serde_json::to_string(&Link {
        v: LINK_VERSION,
        preset: FILE_ID.into(),
        lang: Lang::Sv,
        scenario: full_scenario(&file.budget),
        budget: None,
        guideline: None,
    })
    .expect("serialises");
    write_link(out, "file", &text, true);
    // Fragments the reader refuses, one for each reason: a newer format, a
    // format past u32, base64url that is not, bytes cut short, a plain
    // link's encoding cut short.
    let deflated = deflate(&text);
    let data = link::base64url::encode(&deflated);
    let plain = link::plain(&text, &NativeCodec);
    for (name, fragment) in [
        ("newer", format!("{}3.{data}", link::PREFIX)),
        ("format", format!("{}99999999999.{data}", link::PREFIX)),
        (
            "base64",
            format!("{}2.{}+", link::PREFIX, &data[..data.len() / 2]),
        ),
        ("cut", link::compressed(&deflated[..deflated.len() / 2])),
        ("encoding", plain[..plain.len() - 1].to_string()),
    ] {
        write(
            out,
            "share_link",
            &format!("refused-{name}.fragment"),
            fragment.as_bytes(),
        );
    }

    // Budget files' addresses, as pages write them: relative, absolute,
    // and the schemes that must never be fetched, in the forms a URL
    // parser forgives (case, blanks, tabs inside).
    let mut url = BTreeSet::new();
    for (i, address) in [
        "budget-2025.csv",
        "../filer/budget.json",
        "//cdn.example.se/budget.csv",
        "?budget=budget.csv",
        "https://www.example.se/filer/budget.json",
        "http://127.0.0.1:8080/budget-2025.csv",
        "HTTPS://EXAMPLE.SE/B.CSV",
        "https:budget.csv",
        "data:text/csv,Budget%202024",
        "blob:http://127.0.0.1/3f2a",
        "file:///home/budget.csv",
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "ftp://example.se/budget.csv",
        "\\\\server\\budget.csv",
    ]
    .iter()
    .enumerate()
    {
        write(out, "budget_address", &format!("address-{i}"), address.as_bytes());
    }
    url.extend(
        [
            "http",
            "https",
            "http:",
            "https:",
            "://",
            "//",
            "data:",
            "blob:",
            "file:",
            "javascript:",
            "ftp:",
            "ws:",
            ":",
            "/",
            "\\",
            "?",
            "#",
            "@",
            "%",
            "%2F",
            "%3A",
            "[",
            "]",
            "\t",
            "\n",
            " ",
            ".",
            "..",
        ]
        .iter()
        .map(|s| s.to_string()),
    );
    write_dict(out, "url.dict", &url);

    // The structure-aware targets read their bytes through `arbitrary`:
    // one short seed per table and per preset is enough to start.
    for i in 0..TABLES.len().max(PRESETS.len()) as u8 {
        write(out, "import_cells", &format!("table-{i}"), &[i, 0, 0, 0]);
        write(out, "scenario", &format!("preset-{i}"), &[i, 0, 0, 0, 1, 0, 1, 1]);
    }

    let numbers = [
        "1000000000000",
        "1000000000001",
        "-1000000000000",
        "79228162514264337593543950335",
        "0.0000000000000000000000000001",
        "1e30",
        "2147483647",
        "-2147483648",
        "4294967296",
        "null",
        "true",
        "false",
    ];
    json.extend(numbers.iter().map(|n| n.to_string()));
    json.insert(link::PREFIX.to_string());
    json.insert(format!("{}{}.", link::PREFIX, link::FORMAT));
    write_dict(out, "json.dict", &json);

    let mut table: BTreeSet<String> = LABELS.iter().map(|s| s.to_string()).collect();
    table.extend(KINDS.iter().map(|s| s.to_string()));
    table.extend(UNITS.iter().map(|s| s.trim().to_string()));
    table.extend(
        [
            ";",
            "\t",
            ",",
            "\"",
            "\r\n",
            "\u{feff}",
            "\u{a0}",
            "\u{202f}",
            "\u{2212}",
            "\u{2013}",
            "(",
            ")",
            "Budget 2024",
            "Plan 2025",
            "Prognos 2023",
            "Utfall 2022",
            "Utfall 2023-06-30",
            "1990",
            "2100",
            "1 234 567",
            "3,15",
            "1.234.567",
            "-",
            "+",
        ]
        .iter()
        .map(|s| s.to_string()),
    );
    write_dict(out, "table.dict", &table);
}
