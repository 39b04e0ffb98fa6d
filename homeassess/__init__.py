"""HomeAssess: offline home-modification assessments for occupational therapists."""

__version__ = "0.1.0"
