# packwire: build with cargo, run on a slim base as a non-root user.
# Port 6432: the Postgres wire endpoint. Port 9187: /metrics (Prometheus), /healthz, /readyz.
# Configuration: a mounted file (--config) and/or PACKWIRE_* variables (docs/config.md).
FROM rust:1.95-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release -p packwire && cp target/release/packwire /usr/local/bin/packwire

FROM debian:bookworm-slim
# The system's certificate roots: Snowflake sources are reached over HTTPS and verified against them.
# curl: the HEALTHCHECK.
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --create-home --home-dir /var/lib/packwire packwire
COPY --from=build /usr/local/bin/packwire /usr/local/bin/packwire
USER packwire
ENV PACKWIRE_HOME=/var/lib/packwire
EXPOSE 6432 9187
# Liveness; load balancers should use /readyz, which turns 503 while the server drains on SIGTERM.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS http://127.0.0.1:9187/healthz || exit 1
# SIGTERM drains: running statements get [limits] shutdown_timeout (30 s) to finish.
STOPSIGNAL SIGTERM
# Serves the bundled demo registry without passwords (trust is chosen explicitly: off loopback
# the default is SCRAM). For real data mount a config with [tls], [auth] and a users file:
#   docker run … packwire serve --config /etc/packwire/packwire.toml
ENTRYPOINT ["packwire"]
CMD ["serve", "--listen", "0.0.0.0:6432", "--metrics", "0.0.0.0:9187", "--auth", "trust"]
