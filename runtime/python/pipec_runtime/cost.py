"""Optional resource/cost tracker (off unless ENABLE_COST_TRACKING=true). Samples elapsed time, RSS and
CPU; at the end writes `.context/resource_tracking.json` ({"epochs": {id: {...}}}), which the
retrospective epoch reads. COST_PER_HOUR gives `estimated_cost_usd`.
"""
from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from .errors import now_iso
from .jsonio import update_json
from .limits import GB, rss_bytes


def cost_tracking_enabled() -> bool:
    """True when ENABLE_COST_TRACKING is true/1/yes."""
    return os.environ.get("ENABLE_COST_TRACKING", "false").lower() in ("1", "true", "yes")


class CostTracker:
    """Collects samples for one epoch; every method is a no-op when disabled."""

    # Sampling is rate-limited so calling it every chunk costs nothing measurable.
    MIN_INTERVAL_SECONDS = 1.0

    def __init__(self, context_dir: Path, epoch_id: str, enabled: bool | None = None) -> None:
        self.enabled = cost_tracking_enabled() if enabled is None else enabled
        self.path = context_dir / "resource_tracking.json"
        self.epoch_id = epoch_id
        self.start = time.monotonic()
        self.started_at = now_iso()
        self.samples: list[dict[str, Any]] = []
        self._last = -1e9
        self._proc: Any = None

    def sample(self, force: bool = False) -> None:
        """Record elapsed seconds, memory (GB) and CPU percent (since the previous sample)."""
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._last < self.MIN_INTERVAL_SECONDS:
            return
        self._last = now
        if self._proc is None:
            import psutil

            self._proc = psutil.Process()
        self.samples.append({"elapsed_seconds": round(now - self.start, 3), "memory_gb": round(rss_bytes() / GB, 4),
                             "cpu_percent": self._proc.cpu_percent(interval=None)})

    def finalize(self, status: str) -> dict[str, Any] | None:
        """Write this epoch's summary into resource_tracking.json and return it."""
        if not self.enabled:
            return None
        self.sample(force=True)
        hours = (time.monotonic() - self.start) / 3600
        summary: dict[str, Any] = {
            "epoch": self.epoch_id, "status": status, "start_time": self.started_at, "end_time": now_iso(),
            "elapsed_hours": round(hours, 6), "compute_tier": os.environ.get("DOMINO_HARDWARE_TIER_ID", "unknown"),
            "peak_memory_gb": max(s["memory_gb"] for s in self.samples),
            "avg_cpu_percent": round(sum(s["cpu_percent"] for s in self.samples) / len(self.samples), 2),
            "samples": self.samples,
        }
        rate = os.environ.get("COST_PER_HOUR")
        if rate:
            summary["estimated_cost_usd"] = round(hours * float(rate), 6)
        update_json(self.path, lambda d: d.setdefault("epochs", {}).__setitem__(self.epoch_id, summary),
                    lambda: {"epochs": {}})
        return summary
