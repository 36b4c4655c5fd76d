"""Free-text columns (`column x text`, issue 12): recognising them, and turning them into the TF-IDF
weights of a bounded vocabulary fitted on training rows.

The fitted state is plain JSON (the words and their idf), kept in the feature pipeline; the vectoriser
is rebuilt from it wherever the pipeline runs, so the registered model takes the raw text.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

#: A free-text column becomes the TF-IDF weights of at most this many words.
MAX_TEXT_FEATURES = 100
#: An undeclared column is free text when its values average at least this many words and characters
#: and most of them differ (the compiler's PC3111 uses the same rule on the file's sample).
TEXT_MIN_WORDS = 3
TEXT_MIN_LENGTH = 20
#: More distinct values than this (or than half the rows) make a multi-word column free text.
_MANY_LEVELS = 50


def looks_like_text(series: pd.Series) -> bool:
    """Free text (reviews, tickets, notes): long multi-word values, most of them different (first 2,000 present)."""
    if not (pd.api.types.is_object_dtype(series) or pd.api.types.is_string_dtype(series)):
        return False  # numbers, booleans, dates and categoricals are not free text
    head = series.dropna().astype("str").str.strip().head(2000)
    if len(head) < 20:
        return False
    words = head.str.split().str.len().mean()
    return bool(words >= TEXT_MIN_WORDS and head.str.len().mean() >= TEXT_MIN_LENGTH
                and head.nunique() > min(_MANY_LEVELS, len(head) / 2))


def _vectorizer(terms: list[str] | None = None, idf: list[float] | None = None):
    """The TF-IDF vectoriser of a text column: fresh (to fit) or rebuilt from a fitted vocabulary and idf."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    # Words are letters only: order and ticket numbers in free text are noise, not vocabulary.
    v = TfidfVectorizer(max_features=MAX_TEXT_FEATURES, stop_words="english", sublinear_tf=True, min_df=2,
                        token_pattern=r"(?u)\b[^\W\d_]{2,}\b", dtype=np.float64, vocabulary=terms)
    if idf is not None:
        v.idf_ = np.asarray(idf, dtype="float64")
    return v


def _documents(series: pd.Series | None, rows: int) -> list[str]:
    """Text cells as strings ('' for missing), the vectoriser's input."""
    if series is None:
        return [""] * rows
    return [str(v) if isinstance(v, str) or pd.notna(v) else "" for v in series.tolist()]


def fit_text(series: pd.Series) -> dict[str, list]:
    """Vocabulary (at most MAX_TEXT_FEATURES words in 2+ rows, English stop words left out) and idf of a
    text column's training rows; empty when no word qualifies."""
    try:
        v = _vectorizer().fit(_documents(series, len(series)))
    except ValueError:  # no word is left after stop words and min_df: the column gives no features
        return {"terms": [], "idf": []}
    return {"terms": [str(t) for t in v.get_feature_names_out()], "idf": [float(x) for x in v.idf_]}



def text_matrix(fitted: dict[str, list], series: pd.Series | None, rows: int) -> np.ndarray:
    """The TF-IDF weights (rows × words) of a column with `fit_text`'s vocabulary; unseen words count for nothing."""
    return _vectorizer(fitted["terms"], fitted["idf"]).transform(_documents(series, rows)).toarray()
