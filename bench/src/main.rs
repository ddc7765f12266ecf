//! `packwire-bench`: in one run on one machine, a real Postgres (pgharness) loaded with pgbench
//! data, and packwire serving it as a package; pgbench `-S` through packwire vs direct at 1 and 16
//! clients in every query mode, interleaved and repeated, and a 1M-row `SELECT *` transfer.
//! Prints TPS, latency, ratios, the CPU µs per query of packwire (and PgBouncer) and peak RSS. When `pgbouncer` is
//! installed it is measured in the same rounds as the peer (session pooling, same pool size), so
//! the cost of any proxy hop on this machine is visible next to packwire's.
//!
//! Usage: `cargo build --workspace && target/debug/packwire-bench [--scale 10] [--seconds 10] [--rounds 3]
//! [--modes simple,extended,prepared] [--clients 1,16] [--transfer yes|no] [--pool 32] [--idle 5000]`
//! (a release build, `cargo build --release --workspace`, measures the shipped binary).

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
            _ => {
                eprintln!(
                    "usage: packwire-bench [--scale N] [--seconds N] [--rounds N] [--modes simple,extended,prepared] \
                     [--clients 1,16] [--transfer yes|no] [--pool 32] [--idle 5000]"
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
    let pid = packwire.id();
    // Session pooling needs a server connection per client: PgBouncer's pool is never smaller
    // than the most clients run.
    let bouncer_pool = options.clients.iter().copied().max().unwrap_or(1).max(options.pool);
    let mut bouncer = start_pgbouncer(&pg, &work, bouncer_pool);

    let peer = bouncer.as_ref().map(|b| (b.port, b.pid));

    println!(
        "packwire-bench: pgbench scale {}, {} s per run, {} rounds, interleaved{}",
        options.scale,
        options.seconds,
        options.rounds,
        if peer.is_some() { ", PgBouncer as the peer" } else { " (pgbouncer not installed: no peer)" }
    );
    println!(
        "{:<10} {:>7} {:>10} {:>12} {:>6} {:>13} {:>6} {:>10} {:>11} {:>9} {:>9}",
        "mode",
        "clients",
        "direct tps",
        "packwire tps",
        "ratio",
        "pgbouncer tps",
        "ratio",
        "direct ms",
        "packwire ms",
        "cpu µs/q",
        "pgb µs/q"
    );
    for mode in options.modes.iter().map(String::as_str) {
        for clients in options.clients.iter().copied() {
            let (mut direct, mut proxied, mut bounced, mut direct_ms, mut proxied_ms, mut cpu, mut bouncer_cpu) =
                (vec![], vec![], vec![], vec![], vec![], vec![], vec![]);
            for _ in 0..options.rounds {
                let (tps, ms) = pgbench(&pg, pg.port, "bench", mode, clients, options.seconds);
                direct.push(tps);
                direct_ms.push(ms);
                let (tps, ms, used) = measured(Some(pid), options.seconds, || {
                    pgbench(&pg, port, "pgbench@1.0.0", mode, clients, options.seconds)
                });
                proxied.push(tps);
                proxied_ms.push(ms);
                cpu.extend(used);
                if let Some((peer, peer_pid)) = peer {
                    let (tps, _, used) = measured(peer_pid, options.seconds, || {
                        pgbench(&pg, peer, "bench", mode, clients, options.seconds)
                    });
                    bounced.push(tps);
                    bouncer_cpu.extend(used);
                }
            }
            let (d, p) = (median(&mut direct), median(&mut proxied));
            let (b, b_ratio) = match peer {
                Some(_) => {
                    let b = median(&mut bounced);
                    (format!("{b:.0}"), format!("{:.2}", b / d))
                }
                None => ("-".to_string(), "-".to_string()),
            };
            let bouncer_cpu =
                if bouncer_cpu.is_empty() { "-".to_string() } else { format!("{:.1}", median(&mut bouncer_cpu)) };
            println!(
                "{:<10} {:>7} {:>10.0} {:>12.0} {:>6.2} {:>13} {:>6} {:>10.3} {:>11.3} {:>9.1} {:>9}",
                mode,
                clients,
                d,
                p,
                p / d,
                b,
                b_ratio,
                median(&mut direct_ms),
                median(&mut proxied_ms),
                median(&mut cpu),
                bouncer_cpu
            );
        }
    }

    if options.transfer {
        transfer_and_memory(&pg, port, pid, &options);
    }
    if options.idle > 0 {
        idle_connections(&runtime, port, pid, options.idle);
    }

    let _ = packwire.kill();
    let _ = packwire.wait();
    if let Some(bouncer) = bouncer.as_mut() {
        // SIGTERM: runuser passes it on to PgBouncer (a SIGKILL would orphan it).
        let _ = Command::new("kill").arg(bouncer.child.id().to_string()).status();
        let _ = bouncer.child.wait();
    }
    let _ = std::fs::remove_dir_all(&work);
    drop(pg);
}

/// Opens `count` client connections to packwire and leaves them idle: packwire's resident memory
/// before and with them open (the cost of a connection waiting for its next statement).
fn idle_connections(runtime: &tokio::runtime::Runtime, port: u16, pid: u32, count: u32) {
    let before = rss_kib(pid).unwrap_or(0);
    let started = Instant::now();
    let clients = runtime.block_on(async {
        let mut clients = Vec::with_capacity(count as usize);
        for _ in 0..count {
            let conninfo = format!("host=127.0.0.1 port={port} user=bench dbname=pgbench@1.0.0");
            match tokio_postgres::connect(&conninfo, tokio_postgres::NoTls).await {
                Ok((client, connection)) => {
                    tokio::spawn(connection);
                    clients.push(client);
                }
                Err(error) => {
                    eprintln!("idle connection {} failed: {error}", clients.len() + 1);
                    break;
                }
            }
        }
        clients
    });
    std::thread::sleep(Duration::from_secs(1));
    let with = rss_kib(pid).unwrap_or(0);
    println!(
        "packwire RSS with {} idle connections: {} MiB (before: {} MiB; {:.1} KiB per connection; opened in {:.1} s)",
        clients.len(),
        with / 1024,
        before / 1024,
        with.saturating_sub(before) as f64 / clients.len().max(1) as f64,
        started.elapsed().as_secs_f64()
    );
    drop(clients);
}

/// Runs one pgbench run and measures the CPU time the proxy process `pid` used per
/// transaction meanwhile: (tps, latency ms, CPU µs per transaction when measurable).
fn measured(pid: Option<u32>, seconds: u32, run: impl FnOnce() -> (f64, f64)) -> (f64, f64, Option<f64>) {
    let before = pid.and_then(cpu_micros);
    let (tps, ms) = run();
    let used = pid.and_then(cpu_micros).zip(before).map(|(after, before)| after.saturating_sub(before));
    (tps, ms, used.map(|used| used as f64 / (tps * f64::from(seconds)).max(1.0)))
}

/// 1M-row transfer (`SELECT * FROM pgbench_accounts` to /dev/null, psql, text format) through
/// packwire vs direct, with packwire's resident memory sampled throughout.
fn transfer_and_memory(pg: &PgServer, port: u16, pid: u32, options: &Options) {
    let rows = options.scale * 100_000;
    let mut direct_times = vec![];
    let mut proxied_times = vec![];
    let peak = Arc::new(AtomicU64::new(0));
    let sampling = Arc::new(AtomicBool::new(true));
    let sampler = {
        let (peak, sampling) = (peak.clone(), sampling.clone());
        std::thread::spawn(move || {
            while sampling.load(Ordering::Relaxed) {
                if let Some(rss) = rss_kib(pid) {
                    peak.fetch_max(rss, Ordering::Relaxed);
                }
                std::thread::sleep(Duration::from_millis(20));
            }
        })
    };
    let idle_rss = rss_kib(pid).unwrap_or(0);
    for _ in 0..options.rounds {
        direct_times.push(transfer(pg, pg.port, "bench"));
        proxied_times.push(transfer(pg, port, "pgbench@1.0.0"));
    }
    sampling.store(false, Ordering::Relaxed);
    let _ = sampler.join();
    let (d, p) = (median(&mut direct_times), median(&mut proxied_times));
    println!(
        "\n{rows}-row SELECT * transfer (psql to /dev/null): direct {d:.2} s, packwire {p:.2} s, ratio {:.2}",
        p / d
    );
    println!(
        "packwire RSS: {} MiB idle before the transfers, {} MiB peak during them",
        idle_rss / 1024,
        peak.load(Ordering::Relaxed) / 1024
    );
}

fn pgbench(pg: &PgServer, port: u16, database: &str, mode: &str, clients: u32, seconds: u32) -> (f64, f64) {
    let jobs = clients.min(2);
    let output = pg
        .command("pgbench")
        .env("PGPORT", port.to_string())
        .args([
            "-S",
            "-n",
            "-M",
            mode,
            "-c",
            &clients.to_string(),
            "-j",
            &jobs.to_string(),
            "-T",
            &seconds.to_string(),
            database,
        ])
        .env("PGUSER", &pg.user)
        .output()
        .expect("pgbench");
    let text = String::from_utf8_lossy(&output.stdout);
    parse_pgbench(&text)
        .unwrap_or_else(|| panic!("pgbench failed on port {port}: {text}{}", String::from_utf8_lossy(&output.stderr)))
}

fn transfer(pg: &PgServer, port: u16, database: &str) -> f64 {
    let started = Instant::now();
    let status = pg
        .command("psql")
        .env("PGPORT", port.to_string())
        .args(["-X", "-q", "-d", database, "-c", "select * from pgbench_accounts"])
        .stdout(Stdio::null())
        .status()
        .expect("psql");
    assert!(status.success(), "transfer failed on port {port}");
    started.elapsed().as_secs_f64()
}

/// Starts PgBouncer in front of the harness Postgres (session pooling, pool as large as
/// packwire's), or `None` when it is not installed.
fn start_pgbouncer(pg: &PgServer, work: &std::path::Path, pool: u32) -> Option<Bouncer> {
    let binary = ["/usr/sbin/pgbouncer", "/usr/bin/pgbouncer", "/usr/local/bin/pgbouncer"]
        .into_iter()
        .map(PathBuf::from)
        .find(|path| path.exists())?;
    let dir = work.join("pgbouncer");
    std::fs::create_dir_all(&dir).ok()?;
    let port = free_port();
    std::fs::write(dir.join("users.txt"), format!("\"{}\" \"\"\n", pg.user)).ok()?;
    let ini = format!(
        "[databases]\nbench = host=127.0.0.1 port={} dbname=bench user={}\n\n[pgbouncer]\nlisten_addr = 127.0.0.1\n\
         listen_port = {port}\nauth_type = trust\nauth_file = {}\npool_mode = session\ndefault_pool_size = {pool}\n\
         max_client_conn = 200\nlogfile = {}\npidfile = {}\nunix_socket_dir =\n",
        pg.port,
        pg.user,
        dir.join("users.txt").display(),
        dir.join("pgbouncer.log").display(),
        dir.join("pgbouncer.pid").display()
    );
    std::fs::write(dir.join("pgbouncer.ini"), ini).ok()?;
    // The server's owner runs it (PgBouncer refuses root): it must read the directory and log there.
    for path in [work.to_path_buf(), dir.clone()] {
        let _ = Command::new("chmod").arg("777").arg(&path).status();
    }
    let _ = Command::new("chmod").arg("666").arg(dir.join("users.txt")).arg(dir.join("pgbouncer.ini")).status();
    let child = pg.spawn_as_owner(Command::new(binary).arg(dir.join("pgbouncer.ini"))).ok()?;
    wait_ready(port);
    let pid = std::fs::read_to_string(dir.join("pgbouncer.pid")).ok().and_then(|text| text.trim().parse().ok());
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
