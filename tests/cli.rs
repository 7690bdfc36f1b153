#![cfg(not(target_arch = "wasm32"))]
//! The CLI as a person or a script uses it: real files, exit codes, JSON.

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_finsam-kalkyl"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).expect("valid JSON")
}

#[test]
fn check_prints_the_table_and_findings() {
    let o = run(&["check", "presets/sodra-vatterbygden-2024.csv"]);
    assert!(o.status.success());
    let text = stdout(&o);
    assert!(text.contains("Samordningsförbundet Södra Vätterbygden"));
    assert!(text.contains("Budget 2024*"));
    assert!(text.contains("67 324"), "{text}");
    assert!(text.contains("9,6 %"));
    assert!(text.contains("[varning] deficit"));
}

#[test]
fn check_json_has_the_documented_fields() {
    let o = run(&["check", "presets/hoglandet-2023.csv", "--json"]);
    assert!(o.status.success());
    let v = json(&o);
    let cols = v["columns"].as_array().unwrap();
    let u22 = &cols[0];
    for field in [
        "label",
        "kind",
        "year",
        "state",
        "region",
        "kommuner_total",
        "kommuner",
        "members_total",
        "other_income",
        "costs",
        "admin_costs",
        "result",
        "opening_equity",
        "closing_equity",
        "chained",
    ] {
        assert!(!u22[field].is_null(), "missing {field}");
    }
    assert_eq!(u22["costs"], "8363466");
    assert_eq!(u22["closing_equity"], "1215582");
    assert_eq!(u22["kommuner"]["Aneby Kommun"], "120810");
    assert_eq!(u22["kind"], "utfall");
    assert_eq!(cols[2]["kind"], "period-utfall");
    assert_eq!(cols[2]["chained"], false);
    let f = &v["findings"][0];
    assert_eq!(f["code"], "sum-mismatch");
    assert_eq!(f["severity"], "info");
    assert_eq!(f["line"], 30);
}

#[test]
fn scenario_json_with_room() {
    let o = run(&[
        "scenario",
        "presets/sodra-vatterbygden-2024.csv",
        "--member",
        "Habo",
        "--delta",
        "+10 000",
        "--from",
        "2024",
        "--mode",
        "alone",
        "--region-follows",
        "yes",
        "--state-offer",
        "6 000 000",
        "--json",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v = json(&o);
    let delta = v["delta"].as_array().unwrap();
    let by_label = |l: &str| delta.iter().find(|c| c["label"] == l).unwrap();
    for l in ["Budget 2024", "Plan 2025", "Plan 2026"] {
        assert_eq!(by_label(l)["members_total"], "40000", "{l}");
    }
    assert_eq!(by_label("Prognos 2023")["members_total"], "0");
    let last = v["scenario"].as_array().unwrap().last().unwrap();
    assert_eq!(last["closing_equity"], "187324");
    assert_eq!(v["leverage"]["per_krona"], "4");
    assert!(v["baseline"].is_array() && v["unmatched"].is_array());
}

#[test]
fn scenario_without_room_is_unmatched() {
    let o = run(&[
        "scenario",
        "sodra-vatterbygden-2024",
        "--member",
        "habo",
        "--delta",
        "10000",
        "--mode",
        "alone",
        "--json",
    ]);
    assert!(o.status.success());
    let v = json(&o);
    assert!(v["delta"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["members_total"] == "0"));
    let u = &v["unmatched"][0];
    assert_eq!(u["binding"], "state");
    assert_eq!(u["kommuner"]["Habo kommun"], "10000");
    assert!(v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["code"] == "unmatched"));
    let text = stdout(&run(&[
        "scenario",
        "sodra-vatterbygden-2024",
        "--member",
        "habo",
        "--delta",
        "10000",
        "--mode",
        "alone",
    ]));
    assert!(
        text.contains("Statens utrymme är fullt utnyttjat — höjningen kan inte matchas"),
        "{text}"
    );
}

#[test]
fn bad_input_exits_2_with_a_message() {
    let dir = std::env::temp_dir().join(format!("finsam-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cases: [(&str, &[u8], &str); 4] = [
        ("empty.csv", b"", "tom"),
        ("book.xlsx", b"PK\x03\x04\x14\x00", "Excel-arbetsbok"),
        (
            "noyear.csv",
            b"F\xc3\xb6rbund;Kommentar\nHabo kommun;1\n",
            "Rad 1: ingen kolumn har ett år",
        ),
        (
            "bad.json",
            b"{\"schema_version\": 99}",
            "Schemaversion 99 stöds inte",
        ),
    ];
    for (name, bytes, want) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let o = run(&["check", path.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2), "{name}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(want), "{name}: {err}");
    }
    let o = run(&["check", "/no/such/file.csv"]);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&[
        "scenario",
        "sodra-vatterbygden-2024",
        "--member",
        "Ydre",
        "--delta",
        "1",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("«Ydre» är ingen medlem"));
    let o = run(&[
        "scenario",
        "sodra-vatterbygden-2024",
        "--member",
        "Habo",
        "--delta",
        "tio tusen",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--delta: «tio tusen» är inte ett belopp"));
}

#[test]
fn json_model_round_trips_through_the_cli() {
    let dir = std::env::temp_dir().join(format!("finsam-cli-json-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let budget = finsam_kalkyl::engine::presets::find("hoglandet-2023")
        .unwrap()
        .load()
        .unwrap()
        .budget;
    let path = dir.join("hoglandet.json");
    std::fs::write(&path, budget.to_json()).unwrap();
    let from_json = run(&["check", path.to_str().unwrap(), "--json"]);
    let from_csv = run(&["check", "presets/hoglandet-2023.csv", "--json"]);
    assert!(from_json.status.success());
    assert_eq!(json(&from_json)["columns"], json(&from_csv)["columns"]);
}

#[test]
fn schema_is_committed_and_current() {
    let o = run(&["schema"]);
    assert!(o.status.success());
    let committed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/schema/budget.v1.schema.json"
    ))
    .expect("schema/budget.v1.schema.json exists");
    assert_eq!(
        stdout(&o),
        committed,
        "run `cargo run -- schema > schema/budget.v1.schema.json`"
    );
}

#[test]
fn export_writes_csv_xlsx_and_json() {
    let dir = std::env::temp_dir().join(format!("finsam-cli-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = |name: &str| dir.join(name).to_string_lossy().into_owned();
    let scenario = [
        "--member",
        "Habo",
        "--delta",
        "10000",
        "--mode",
        "alone",
        "--state-offer",
        "6000000",
    ];
    let mut args = vec!["export", "sodra-vatterbygden-2024", "--format", "csv", "-o"];
    let csv_path = out("s.csv");
    args.push(&csv_path);
    args.extend(scenario);
    assert!(run(&args).status.success());
    let csv = std::fs::read_to_string(&csv_path).unwrap();
    assert!(csv.starts_with('\u{feff}'));
    let equity = csv
        .lines()
        .find(|l| l.starts_with("Utgående eget kapital;"))
        .unwrap();
    assert!(equity.ends_with(";67324;187324;120000"), "{equity}");
    let share = csv
        .lines()
        .find(|l| l.starts_with("Administrationsandel;"))
        .unwrap();
    assert!(share.contains(";9,6;9,6;"), "{share}");

    let xlsx_path = out("s.xlsx");
    let mut args = vec![
        "export",
        "sodra-vatterbygden-2024",
        "--format",
        "xlsx",
        "-o",
        &xlsx_path,
    ];
    args.extend(scenario);
    assert!(run(&args).status.success());
    assert!(std::fs::read(&xlsx_path).unwrap().starts_with(b"PK\x03\x04"));

    let json_path = out("s.json");
    assert!(
        run(&["export", "hoglandet-2023", "--format", "json", "-o", &json_path])
            .status
            .success()
    );
    let again = run(&["check", &json_path, "--json"]);
    let direct = run(&["check", "hoglandet-2023", "--json"]);
    assert_eq!(json(&again)["columns"], json(&direct)["columns"]);

    let o = run(&[
        "export",
        "sodra-vatterbygden-2024",
        "--format",
        "csv",
        "-o",
        "/no/such/dir/x.csv",
    ]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn goal_prints_room_and_the_required_change() {
    let o = run(&["goal", "sodra-vatterbygden-2024", "--floor", "0", "--json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v = json(&o);
    let room: Vec<(i64, String)> = v["room"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["year"].as_i64().unwrap(),
                r["room"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(room.last().unwrap(), &(2026, "67324".to_string()));
    assert_eq!(v["uniform_percent"], "-0.2");
    let o = run(&[
        "goal",
        "sodra-vatterbygden-2024",
        "--floor",
        "500 000",
        "--member",
        "Habo",
    ]);
    let text = stdout(&o);
    assert!(
        text.contains("Det går inte: statens utrymme räcker inte"),
        "{text}"
    );
    assert!(text.contains("Habo kommun kan inte betala sig dit"), "{text}");
    let o = run(&[
        "goal",
        "sodra-vatterbygden-2024",
        "--floor",
        "500 000",
        "--state-offer",
        "7 000 000",
        "--new-insats",
        "300 000",
        "--start",
        "2025",
        "--end",
        "2026",
        "--member",
        "Habo",
    ]);
    assert!(
        stdout(&o).contains("Habo kommun skulle behöva öka sitt bidrag med 6 305 kr per år"),
        "{}",
        stdout(&o)
    );
}

/// The CLI's headline is the page's, in the same words and figures
/// (`finsam_kalkyl::words`).
#[test]
fn scenario_attributes_a_key_bound_raise_truthfully() {
    let args = |lang: &str, mode: &str| {
        run(&[
            "scenario",
            "sodra-vatterbygden-2024",
            "--member",
            "Habo",
            "--delta",
            "+10 000",
            "--state-offer",
            "6 000 000",
            "--mode",
            mode,
            "--lang",
            lang,
        ])
    };
    let sv = stdout(&args("sv", "key"));
    assert!(
        sv.contains(
            "Habo kommun +10 000 kr. Enligt nyckeln ökar de övriga kommunerna med 126 510 kr, \
             regionen med 136 510 kr och staten med 273 020 kr: totalt 546 040 kr mer till förbundet."
        ),
        "{sv}"
    );
    assert!(!sv.contains("Varje krona"), "{sv}");
    assert!(
        sv.contains("Det kräver av de andra 2024: Region Jönköpings län +136 510 kr; Jönköpings kommun +"),
        "{sv}"
    );
    let en = stdout(&args("en", "key"));
    assert!(
        en.contains(
            "Habo kommun +10 000 kr. By the key, the other municipalities add 126 510 kr, \
             the region 136 510 kr and the state 273 020 kr: 546 040 kr more for the association in all."
        ),
        "{en}"
    );
    let alone = stdout(&args("sv", "alone"));
    assert!(
        alone.contains("Varje krona från Habo kommun ger 4 kr till förbundet."),
        "{alone}"
    );
}

/// With `--lang en`, the CLI's refusals are English through and through:
/// a table it cannot read, a file that is not there, a bad amount, a
/// missing change.
#[test]
fn refusals_follow_lang() {
    let dir = std::env::temp_dir().join(format!("finsam-cli-en-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.csv");
    std::fs::write(&bad, "x;y\n").unwrap();
    let cases = [
        ("check --lang en BAD", "no column has a year in its header"),
        (
            "check --lang en /no/such/file.csv",
            "cannot read /no/such/file.csv: the file or folder does not exist",
        ),
        (
            "scenario --lang en sodra-vatterbygden-2024 --member Habo --delta ten",
            "--delta: ",
        ),
        (
            "scenario --lang en sodra-vatterbygden-2024 --member Habo",
            "give --delta or --percent",
        ),
    ];
    for (args, want) in cases {
        // BAD stands for the table written above, whose path may hold spaces.
        let args: Vec<&str> = args
            .split(' ')
            .map(|a| if a == "BAD" { bad.to_str().unwrap() } else { a })
            .collect();
        let o = run(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(want), "{args:?}: {err}");
        for swedish in ["kan inte", "finns inte", "ange ", "Rad ", "är inte", "kolumn"] {
            assert!(!err.contains(swedish), "{args:?}: {err}");
        }
    }
}
