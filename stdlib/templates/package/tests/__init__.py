"""Tests of the project package (pytest; tiny data, seconds)."""
