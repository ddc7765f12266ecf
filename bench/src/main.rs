//! `packwire-bench`: in one run on one machine, a real Postgres (pgharness) loaded with pgbench
//! data, PgBouncer in front of it (transaction pooling; session pooling for `-M prepared`) and
//! packwire serving it as a package. Measured, interleaved and repeated: pgbench `-S` at 1 and 16
//! clients in every query mode through each; a 1M-row `SELECT *` transfer; N idle client
//! connections (each proxy's RSS). Prints medians, the ratios packwire/direct and
//! packwire/PgBouncer and each proxy's CPU µs per query; writes them as a CSV and a PNG plot.
//! Without `pgbouncer` installed the peer's columns stay empty.
//!
//! Usage: `cargo build --release -p packwire -p bench && target/release/packwire-bench [--scale 10]
//! [--seconds 10] [--rounds 3] [--modes simple,extended,prepared] [--clients 1,16]
//! [--transfer yes|no] [--pool 32] [--idle 5000] [--out bench-results]`.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use bench::{cpu_micros, median, parse_pgbench, rss_kib};
use pgharness::PgServer;

struct Options {
    scale: u32,
    seconds: u32,
    rounds: u32,
    /// pgbench protocols to run (`--modes simple,prepared`; default all three).
    modes: Vec<String>,
    /// Client counts to run (`--clients 16`; default 1 and 16).
    clients: Vec<u32>,
    /// Whether to run the 1M-row transfer (`--transfer no` skips it, e.g. while profiling).
    transfer: bool,
    /// Backend connections in packwire's pool and PgBouncer's (`--pool 32`).
    pool: u32,
    /// Idle client connections whose cost in packwire's memory is measured (`--idle 0` skips).
    idle: u32,
    /// Where the CSV and the plot are written (`--out DIR`).
    out: PathBuf,
}

fn options() -> Options {
    let mut options = Options {
        scale: 10,
        seconds: 10,
        rounds: 3,
        modes: ["simple", "extended", "prepared"].map(String::from).to_vec(),
        clients: vec![1, 16],
        transfer: true,
        pool: 32,
        idle: 5000,
        out: PathBuf::from("bench-results"),
    };
    let args: Vec<String> = std::env::args().collect();
    for pair in args[1..].chunks(2) {
        let text = pair.get(1).map(String::as_str).unwrap_or("");
        let value = text.parse().ok();
        let list: Vec<String> = text.split(',').filter(|s| !s.is_empty()).map(String::from).collect();
        match (pair[0].as_str(), value) {
            ("--scale", Some(v)) => options.scale = v,
            ("--seconds", Some(v)) => options.seconds = v,
            ("--rounds", Some(v)) => options.rounds = v,
            ("--pool", Some(v)) if v > 0 => options.pool = v,
            ("--idle", Some(v)) => options.idle = v,
            ("--modes", _) if !list.is_empty() => options.modes = list,
            ("--clients", _) if list.iter().all(|c| c.parse::<u32>().is_ok()) && !list.is_empty() => {
                options.clients = list.iter().filter_map(|c| c.parse().ok()).collect()
            }
            ("--transfer", _) if text == "yes" || text == "no" => options.transfer = text == "yes",
            ("--out", _) if !text.is_empty() => options.out = PathBuf::from(text),
            _ => {
                eprintln!(
                    "usage: packwire-bench [--scale N] [--seconds N] [--rounds N] [--modes simple,extended,prepared] \
                     [--clients 1,16] [--transfer yes|no] [--pool 32] [--idle 5000] [--out DIR]"
                );
                std::process::exit(2);
            }
        }
    }
    options
}

fn packwire_binary() -> PathBuf {
    let exe = std::env::current_exe().expect("current exe");
    exe.with_file_name("packwire")
}

/// Where one measurement ran: straight at Postgres, through PgBouncer, or through packwire.
#[derive(Clone, Copy, PartialEq)]
enum Target {
    Direct,
    PgBouncer,
    Packwire,
}

impl Target {
    fn name(self) -> &'static str {
        match self {
            Target::Direct => "direct",
            Target::PgBouncer => "pgbouncer",
            Target::Packwire => "packwire",
        }
    }
}

/// An endpoint pgbench and psql connect to, and the proxy process whose CPU and memory are read.
#[derive(Clone, Copy)]
struct Endpoint<'a> {
    target: Target,
    port: u16,
    database: &'a str,
    pid: Option<u32>,
}

fn main() {
    let options = options();
    eprintln!("starting Postgres and loading pgbench scale {} …", options.scale);
    let pg = PgServer::start(&[("max_connections", "300"), ("shared_buffers", "256MB")]).expect("postgres");
    pg.create_database("bench").expect("createdb");
    let init = pg
        .command("pgbench")
        .args(["-i", "-q", "-s", &options.scale.to_string(), "bench"])
        .output()
        .expect("pgbench -i");
    assert!(init.status.success(), "{}", String::from_utf8_lossy(&init.stderr));

    let work = tempfile_dir();
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let url = format!("postgres://{}@127.0.0.1:{}/bench", pg.user, pg.port);
    let tables: Vec<String> = ["pgbench_accounts", "pgbench_branches", "pgbench_tellers", "pgbench_history"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let manifest =
        runtime.block_on(packwire::tooling::init(&url, "public", &tables, "pgbench", "1.0.0")).expect("package init");
    let manifest = manifest.replace("pool_size = 16", &format!("pool_size = {}", options.pool));
    std::fs::write(work.join("pgbench-1.0.0.toml"), manifest).expect("write manifest");

    let port = free_port();
    let mut packwire = Command::new(packwire_binary())
        .args(["serve", "--auth", "trust", "--listen", &format!("127.0.0.1:{port}"), "--registry"])
        .arg(&work)
        .env("PACKWIRE_LOG", "warn")
        // Room for the idle connections on top of the default limit.
        .env("PACKWIRE_LIMITS_MAX_CONNECTIONS", (1000 + options.idle).to_string())
        .stdout(Stdio::null())
        .spawn()
        .expect("start packwire (build it first: cargo build --workspace)");
    wait_ready(port);
    let packwire_endpoint =
        Endpoint { target: Target::Packwire, port, database: "pgbench@1.0.0", pid: Some(packwire.id()) };
    // PgBouncer as it is run in front of such a workload: transaction pooling; session pooling
    // for `-M prepared`, whose named statements transaction pooling cannot carry (PgBouncer
    // 1.18). A session pool needs a server connection per client, so neither pool is smaller
    // than the most clients run.
    let bouncer_pool = options.clients.iter().copied().max().unwrap_or(1).max(options.pool);
    let mut transaction_bouncer = start_pgbouncer(&pg, &work, "transaction", bouncer_pool, options.idle);
    let mut session_bouncer = start_pgbouncer(&pg, &work, "session", bouncer_pool, 0);
    let bouncer_endpoint = |bouncer: &Option<Bouncer>| {
        bouncer.as_ref().map(|b| Endpoint { target: Target::PgBouncer, port: b.port, database: "bench", pid: b.pid })
    };
    let direct = Endpoint { target: Target::Direct, port: pg.port, database: "bench", pid: None };
    let mut results = Results::default();

    println!(
        "packwire-bench: pgbench -S scale {}, {} s per run, {} rounds, interleaved{}",
        options.scale,
        options.seconds,
        options.rounds,
        if transaction_bouncer.is_some() {
            "; PgBouncer in transaction pooling (session pooling for -M prepared)"
        } else {
            " (pgbouncer not installed: no peer)"
        }
    );
    println!(
        "{:<9} {:>7} {:>10} {:>13} {:>12} {:>9} {:>7} {:>9} {:>7} {:>7} {:>10} {:>10}",
        "mode",
        "clients",
        "direct tps",
        "pgbouncer tps",
        "packwire tps",
        "pw/direct",
        "pw/pgb",
        "direct ms",
        "pgb ms",
        "pw ms",
        "pw µs/q cpu",
        "pgb µs/q cpu"
    );
    for mode in options.modes.iter().map(String::as_str) {
        let bouncer = bouncer_endpoint(if mode == "prepared" { &session_bouncer } else { &transaction_bouncer });
        let endpoints: Vec<Endpoint> = [Some(direct), bouncer, Some(packwire_endpoint)].into_iter().flatten().collect();
        for clients in options.clients.iter().copied() {
            let mut runs: Vec<Runs> = endpoints.iter().map(|_| Runs::default()).collect();
            for round in 0..options.rounds as usize {
                // Each round starts with another endpoint, so none always runs on a warmer machine.
                for step in 0..endpoints.len() {
                    let index = (round + step) % endpoints.len();
                    let endpoint = endpoints[index];
                    let before = endpoint.pid.and_then(cpu_micros);
                    let (tps, ms) = pgbench(&pg, endpoint, mode, clients, options.seconds);
                    let used = endpoint.pid.and_then(cpu_micros).zip(before).map(|(after, before)| after - before);
                    runs[index].tps.push(tps);
                    runs[index].ms.push(ms);
                    if let Some(used) = used {
                        runs[index].cpu.push(used as f64 / (tps * f64::from(options.seconds)).max(1.0));
                    }
                }
            }
            let mut summary = |target: Target| {
                let index = endpoints.iter().position(|e| e.target == target)?;
                let runs = &mut runs[index];
                let (tps, ms, cpu) = (median(&mut runs.tps), median(&mut runs.ms), median(&mut runs.cpu));
                let group = (mode, clients.to_string());
                results.add("tps", &group, target, tps);
                results.add("latency_ms", &group, target, ms);
                if !runs.cpu.is_empty() {
                    results.add("cpu_us_per_query", &group, target, cpu);
                }
                Some((tps, ms, cpu))
            };
            let (d, d_ms, _) = summary(Target::Direct).unwrap_or_default();
            let bounced = summary(Target::PgBouncer);
            let (p, p_ms, p_cpu) = summary(Target::Packwire).unwrap_or_default();
            let peer = |f: &dyn Fn((f64, f64, f64)) -> String| bounced.map(f).unwrap_or_else(|| "-".into());
            println!(
                "{:<9} {:>7} {:>10.0} {:>13} {:>12.0} {:>9.2} {:>7} {:>9.3} {:>7} {:>7.3} {:>10.1} {:>10}",
                mode,
                clients,
                d,
                peer(&|(b, _, _)| format!("{b:.0}")),
                p,
                p / d,
                peer(&|(b, _, _)| format!("{:.2}", p / b)),
                d_ms,
                peer(&|(_, b_ms, _)| format!("{b_ms:.3}")),
                p_ms,
                p_cpu,
                peer(&|(_, _, b_cpu)| format!("{b_cpu:.1}")),
            );
        }
    }

    if options.transfer {
        let bouncer = bouncer_endpoint(&transaction_bouncer);
        let endpoints: Vec<Endpoint> = [Some(direct), bouncer, Some(packwire_endpoint)].into_iter().flatten().collect();
        transfer_and_memory(&pg, &endpoints, &options, &mut results);
    }
    if options.idle > 0 {
        let endpoints = [Some(packwire_endpoint), bouncer_endpoint(&transaction_bouncer)];
        for endpoint in endpoints.into_iter().flatten() {
            idle_connections(&runtime, endpoint, &pg.user, options.idle, &mut results);
        }
    }

    let _ = packwire.kill();
    let _ = packwire.wait();
    for bouncer in [transaction_bouncer.as_mut(), session_bouncer.as_mut()].into_iter().flatten() {
        // SIGTERM: runuser passes it on to PgBouncer (a SIGKILL would orphan it).
        let _ = Command::new("kill").arg(bouncer.child.id().to_string()).status();
        let _ = bouncer.child.wait();
    }
    let _ = std::fs::remove_dir_all(&work);
    drop(pg);
    results.write(&options.out);
}

/// The measurements of one endpoint over the rounds of one pgbench row.
#[derive(Default)]
struct Runs {
    tps: Vec<f64>,
    ms: Vec<f64>,
    cpu: Vec<f64>,
}

/// Every figure of the run, written as a CSV (one measurement per line) and plotted.
#[derive(Default)]
struct Results {
    lines: Vec<String>,
}

impl Results {
    fn add(&mut self, measurement: &str, (mode, clients): &(&str, String), target: Target, value: f64) {
        self.lines.push(format!("{measurement},{mode},{clients},{},{value}", target.name()));
    }

    /// Writes `packwire-bench.csv` into `dir` and plots it as `packwire-bench.png` (matplotlib in
    /// a virtualenv of its own under the temporary directory, installed on first use).
    fn write(&self, dir: &std::path::Path) {
        let csv = dir.join("packwire-bench.csv");
        let png = dir.join("packwire-bench.png");
        let text = format!("measurement,mode,clients,target,value\n{}\n", self.lines.join("\n"));
        if let Err(error) = std::fs::create_dir_all(dir).and_then(|_| std::fs::write(&csv, text)) {
            eprintln!("could not write {}: {error}", csv.display());
            return;
        }
        let plotted = pgharness::python::venv(&std::env::temp_dir(), "packwire-bench-plot", &["matplotlib==3.10.7"])
            .map_err(|e| e.to_string())
            .and_then(|venv| {
                let output = Command::new(venv.join("bin/python"))
                    .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/plot.py"))
                    .arg(&csv)
                    .arg(&png)
                    .output()
                    .map_err(|e| e.to_string())?;
                output
                    .status
                    .success()
                    .then_some(())
                    .ok_or_else(|| String::from_utf8_lossy(&output.stderr).into_owned())
            });
        match plotted {
            Ok(()) => println!("\nwrote {} and {}", csv.display(), png.display()),
            Err(error) => println!("\nwrote {} (no plot: {error})", csv.display()),
        }
    }
}

/// Opens `count` client connections to an endpoint and leaves them idle: the proxy's resident
/// memory before and with them open (the cost of a connection waiting for its next statement).
fn idle_connections(
    runtime: &tokio::runtime::Runtime,
    endpoint: Endpoint,
    user: &str,
    count: u32,
    results: &mut Results,
) {
    let Some(pid) = endpoint.pid else { return };
    let before = rss_kib(pid).unwrap_or(0);
    let started = Instant::now();
    let clients = runtime.block_on(async {
        let mut clients = Vec::with_capacity(count as usize);
        for _ in 0..count {
            let conninfo = format!("host=127.0.0.1 port={} user={user} dbname={}", endpoint.port, endpoint.database);
            let connect = tokio_postgres::connect(&conninfo, tokio_postgres::NoTls);
            match tokio::time::timeout(Duration::from_secs(10), connect).await {
                Ok(Ok((client, connection))) => {
                    tokio::spawn(connection);
                    clients.push(client);
                }
                failed => {
                    let why = match failed {
                        Ok(Err(error)) => error.to_string(),
                        _ => "timed out".to_string(),
                    };
                    eprintln!("idle connection {} to {} failed: {why}", clients.len() + 1, endpoint.target.name());
                    break;
                }
            }
        }
        clients
    });
    std::thread::sleep(Duration::from_secs(1));
    let with = rss_kib(pid).unwrap_or(0);
    let group = ("idle", clients.len().to_string());
    results.add("idle_rss_mib", &group, endpoint.target, with as f64 / 1024.0);
    results.add("idle_rss_before_mib", &group, endpoint.target, before as f64 / 1024.0);
    println!(
        "{} RSS with {} idle connections: {:.1} MiB (before: {:.1} MiB; {:.1} KiB per connection; opened in {:.1} s)",
        endpoint.target.name(),
        clients.len(),
        with as f64 / 1024.0,
        before as f64 / 1024.0,
        with.saturating_sub(before) as f64 / clients.len().max(1) as f64,
        started.elapsed().as_secs_f64()
    );
    drop(clients);
}

/// 1M-row transfer (`SELECT * FROM pgbench_accounts` to /dev/null, psql, text format) through
/// each endpoint, interleaved, with packwire's resident memory sampled throughout.
fn transfer_and_memory(pg: &PgServer, endpoints: &[Endpoint], options: &Options, results: &mut Results) {
    let rows = options.scale * 100_000;
    let packwire = endpoints.iter().find(|e| e.target == Target::Packwire).and_then(|e| e.pid);
    let peak = Arc::new(AtomicU64::new(0));
    let sampling = Arc::new(AtomicBool::new(true));
    let sampler = {
        let (peak, sampling) = (peak.clone(), sampling.clone());
        std::thread::spawn(move || {
            while sampling.load(Ordering::Relaxed) {
                if let Some(rss) = packwire.and_then(rss_kib) {
                    peak.fetch_max(rss, Ordering::Relaxed);
                }
                std::thread::sleep(Duration::from_millis(20));
            }
        })
    };
    let idle_rss = packwire.and_then(rss_kib).unwrap_or(0);
    let mut times: Vec<Vec<f64>> = endpoints.iter().map(|_| vec![]).collect();
    for _ in 0..options.rounds {
        for (endpoint, times) in endpoints.iter().zip(&mut times) {
            times.push(transfer(pg, *endpoint));
        }
    }
    sampling.store(false, Ordering::Relaxed);
    let _ = sampler.join();
    let group = ("transfer", "1".to_string());
    let mut seconds = |target: Target| {
        let index = endpoints.iter().position(|e| e.target == target)?;
        let value = median(&mut times[index]);
        results.add("transfer_seconds", &group, target, value);
        Some(value)
    };
    let d = seconds(Target::Direct).unwrap_or(f64::NAN);
    let b = seconds(Target::PgBouncer);
    let p = seconds(Target::Packwire).unwrap_or(f64::NAN);
    println!(
        "\n{rows}-row SELECT * transfer (psql to /dev/null): direct {d:.2} s, pgbouncer {}, packwire {p:.2} s; \
         packwire/direct {:.2}",
        b.map(|b| format!("{b:.2} s")).unwrap_or_else(|| "-".into()),
        p / d
    );
    let peak = peak.load(Ordering::Relaxed);
    results.add("transfer_peak_rss_mib", &group, Target::Packwire, peak as f64 / 1024.0);
    println!(
        "packwire RSS: {:.1} MiB idle before the transfers, {:.1} MiB peak during them",
        idle_rss as f64 / 1024.0,
        peak as f64 / 1024.0
    );
}

fn pgbench(pg: &PgServer, endpoint: Endpoint, mode: &str, clients: u32, seconds: u32) -> (f64, f64) {
    let jobs = clients.min(2);
    let output = pg
        .command("pgbench")
        .env("PGPORT", endpoint.port.to_string())
        .args(["-S", "-n", "-M", mode, "-c", &clients.to_string(), "-j", &jobs.to_string()])
        .args(["-T", &seconds.to_string(), endpoint.database])
        .output()
        .expect("pgbench");
    let text = String::from_utf8_lossy(&output.stdout);
    parse_pgbench(&text).unwrap_or_else(|| {
        panic!("pgbench failed on {}: {text}{}", endpoint.target.name(), String::from_utf8_lossy(&output.stderr))
    })
}

fn transfer(pg: &PgServer, endpoint: Endpoint) -> f64 {
    let started = Instant::now();
    let status = pg
        .command("psql")
        .env("PGPORT", endpoint.port.to_string())
        .args(["-X", "-q", "-d", endpoint.database, "-c", "select * from pgbench_accounts"])
        .stdout(Stdio::null())
        .status()
        .expect("psql");
    assert!(status.success(), "transfer failed on {}", endpoint.target.name());
    started.elapsed().as_secs_f64()
}

/// Starts PgBouncer in front of the harness Postgres with the given pool mode and size, taking
/// `idle` client connections more than the benchmark's own; `None` when it is not installed.
fn start_pgbouncer(pg: &PgServer, work: &std::path::Path, mode: &str, pool: u32, idle: u32) -> Option<Bouncer> {
    let binary = ["/usr/sbin/pgbouncer", "/usr/bin/pgbouncer", "/usr/local/bin/pgbouncer"]
        .into_iter()
        .map(PathBuf::from)
        .find(|path| path.exists())?;
    let dir = work.join(format!("pgbouncer-{mode}"));
    std::fs::create_dir_all(&dir).ok()?;
    let port = free_port();
    std::fs::write(dir.join("users.txt"), format!("\"{}\" \"\"\n", pg.user)).ok()?;
    let ini = format!(
        "[databases]\nbench = host=127.0.0.1 port={} dbname=bench user={}\n\n[pgbouncer]\nlisten_addr = 127.0.0.1\n\
         listen_port = {port}\nauth_type = trust\nauth_file = {}\npool_mode = {mode}\ndefault_pool_size = {pool}\n\
         max_client_conn = {}\nlogfile = {}\npidfile = {}\nunix_socket_dir =\n",
        pg.port,
        pg.user,
        dir.join("users.txt").display(),
        200 + idle,
        dir.join("pgbouncer.log").display(),
        dir.join("pgbouncer.pid").display()
    );
    std::fs::write(dir.join("pgbouncer.ini"), ini).ok()?;
    // The server's owner runs it (PgBouncer refuses root): it must read the directory and log there.
    for path in [work.to_path_buf(), dir.clone()] {
        let _ = Command::new("chmod").arg("777").arg(&path).status();
    }
    let _ = Command::new("chmod").arg("666").arg(dir.join("users.txt")).arg(dir.join("pgbouncer.ini")).status();
    // runuser starts it with a soft limit of 1,024 open files: raised to the hard limit for the
    // idle connections. `-q`: it logs to its logfile only.
    let mut command = Command::new("sh");
    command.args(["-c", "ulimit -n $(ulimit -Hn) && exec \"$0\" \"$@\""]).arg(binary).arg("-q");
    let child = pg.spawn_as_owner(command.arg(dir.join("pgbouncer.ini"))).ok()?;
    wait_ready(port);
    // Its own pid (not runuser's), whose CPU time and memory are measured.
    let pid_file = dir.join("pgbouncer.pid");
    pgharness::wait_for(Duration::from_secs(10), || pid_file.exists());
    let pid = std::fs::read_to_string(&pid_file).ok().and_then(|text| text.trim().parse().ok());
    Some(Bouncer { child, port, pid })
}

/// A running PgBouncer: the process started (`runuser` when run as root), its port, and
/// PgBouncer's own pid (from its pidfile) whose CPU time is measured.
struct Bouncer {
    child: std::process::Child,
    port: u16,
    pid: Option<u32>,
}

fn wait_ready(port: u16) {
    for _ in 0..600 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("packwire did not start listening on {port}");
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("free port")
}

fn tempfile_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("packwire-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}
