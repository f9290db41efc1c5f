"""Running as a service: metrics (Prometheus) and the loopback health endpoint."""
