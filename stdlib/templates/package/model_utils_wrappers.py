"""Scikit-learn compatible wrappers for models whose native API differs (statsmodels, PyTorch, Keras)
and for classifiers that need integer labels (XGBoost). Everything the pipeline trains then exposes
fit/predict/predict_proba, so one metrics, tuning, MLflow and serving path serves every framework.
"""
from __future__ import annotations

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin, RegressorMixin, clone
from sklearn.preprocessing import LabelEncoder


def _as_float_matrix(X) -> np.ndarray:
    return np.asarray(X, dtype=np.float64)


def _balanced_weights(codes: np.ndarray) -> np.ndarray:
    """Per-row weights n / (k * count(class)): every class weighs the same in the loss."""
    counts = np.bincount(codes)
    return (len(codes) / (len(counts) * np.maximum(counts, 1)))[codes]


class LabelEncodedClassifier(ClassifierMixin, BaseEstimator):
    """Wraps a classifier that only accepts labels 0..k-1 (XGBoost 3) so any label type works."""

    def __init__(self, estimator=None, class_weight=None):
        self.estimator = estimator
        self.class_weight = class_weight

    def fit(self, X, y, **fit_params):
        self.encoder_ = LabelEncoder().fit(np.asarray(y))
        self.classes_ = self.encoder_.classes_
        codes = self.encoder_.transform(np.asarray(y))
        if self.class_weight == "balanced" and "sample_weight" not in fit_params:
            # Multiclass XGBoost has no class_weight: balanced sample weights do the same job.
            fit_params["sample_weight"] = _balanced_weights(codes)
        self.estimator_ = clone(self.estimator).fit(X, codes, **fit_params)
        return self

    def predict(self, X):
        return self.encoder_.inverse_transform(np.asarray(self.estimator_.predict(X)).astype(int))

    def predict_proba(self, X):
        return self.estimator_.predict_proba(X)

    @property
    def feature_importances_(self):
        return self.estimator_.feature_importances_


class OLSRegressor(RegressorMixin, BaseEstimator):
    """statsmodels OLS (with intercept) behind the scikit-learn regressor API."""

    def __init__(self, fit_intercept: bool = True):
        self.fit_intercept = fit_intercept

    def _design(self, X) -> np.ndarray:
        m = _as_float_matrix(X)
        return np.column_stack([np.ones(len(m)), m]) if self.fit_intercept else m

    def fit(self, X, y):
        import statsmodels.api as sm

        self.results_ = sm.OLS(np.asarray(y, dtype=np.float64), self._design(X)).fit()
        self.n_features_in_ = _as_float_matrix(X).shape[1]
        return self

    def predict(self, X):
        return np.asarray(self.results_.predict(self._design(X)))


class TorchMLP(BaseEstimator):
    """A small PyTorch multilayer perceptron (one hidden layer) for classification or regression."""

    def __init__(self, problem: str = "classification", hidden: int = 64, lr: float = 1e-3, epochs: int = 30,
                 batch_size: int = 256, seed: int = 0, device: str = "cpu", class_weight=None):
        self.problem, self.hidden, self.lr, self.epochs = problem, hidden, lr, epochs
        self.batch_size, self.seed, self.device, self.class_weight = batch_size, seed, device, class_weight

    def fit(self, X, y):
        import torch

        torch.manual_seed(self.seed)
        Xt = torch.tensor(_as_float_matrix(X), dtype=torch.float32)
        if self.problem == "classification":
            self.encoder_ = LabelEncoder().fit(np.asarray(y))
            self.classes_ = self.encoder_.classes_
            codes = self.encoder_.transform(np.asarray(y))
            yt = torch.tensor(codes, dtype=torch.long)
            weight = None
            if self.class_weight == "balanced":
                counts = np.bincount(codes, minlength=len(self.classes_))
                weight = torch.tensor(len(codes) / (len(counts) * np.maximum(counts, 1)), dtype=torch.float32).to(self.device)
            out, loss_fn = len(self.classes_), torch.nn.CrossEntropyLoss(weight=weight)
        else:
            yt = torch.tensor(np.asarray(y, dtype=np.float32)).reshape(-1, 1)
            out, loss_fn = 1, torch.nn.MSELoss()
        net = torch.nn.Sequential(torch.nn.Linear(Xt.shape[1], self.hidden), torch.nn.ReLU(), torch.nn.Linear(self.hidden, out))
        net = net.to(self.device)
        opt = torch.optim.Adam(net.parameters(), lr=self.lr)
        for _ in range(self.epochs):
            order = torch.randperm(len(Xt))
            for i in range(0, len(Xt), self.batch_size):
                idx = order[i : i + self.batch_size]
                opt.zero_grad()
                loss = loss_fn(net(Xt[idx].to(self.device)), yt[idx].to(self.device))
                loss.backward()
                opt.step()
        # Serving hosts often have no GPU: keep the fitted network on the CPU.
        self.net_ = net.to("cpu").eval()
        return self

    def _forward(self, X) -> np.ndarray:
        import torch

        with torch.no_grad():
            return self.net_(torch.tensor(_as_float_matrix(X), dtype=torch.float32)).numpy()

    def predict_proba(self, X):
        logits = self._forward(X)
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    def predict(self, X):
        if self.problem == "classification":
            return self.encoder_.inverse_transform(self.predict_proba(X).argmax(axis=1))
        return self._forward(X).ravel()


class KerasMLP(BaseEstimator):
    """A small TensorFlow/Keras multilayer perceptron (one hidden layer) for classification or regression."""

    def __init__(self, problem: str = "classification", hidden: int = 64, lr: float = 1e-3, epochs: int = 30,
                 batch_size: int = 256, seed: int = 0, class_weight=None):
        self.problem, self.hidden, self.lr, self.epochs = problem, hidden, lr, epochs
        self.batch_size, self.seed, self.class_weight = batch_size, seed, class_weight

    def fit(self, X, y):
        import tensorflow as tf

        tf.random.set_seed(self.seed)
        Xm = _as_float_matrix(X).astype(np.float32)
        if self.problem == "classification":
            self.encoder_ = LabelEncoder().fit(np.asarray(y))
            self.classes_ = self.encoder_.classes_
            target, out, loss = self.encoder_.transform(np.asarray(y)), len(self.classes_), "sparse_categorical_crossentropy"
            act = "softmax"
        else:
            target, out, loss, act = np.asarray(y, dtype=np.float32), 1, "mse", None
        self.net_ = tf.keras.Sequential([
            tf.keras.Input(shape=(Xm.shape[1],)),
            tf.keras.layers.Dense(self.hidden, activation="relu"),
            tf.keras.layers.Dense(out, activation=act),
        ])
        self.net_.compile(optimizer=tf.keras.optimizers.Adam(self.lr), loss=loss)
        weights = None
        if self.problem == "classification" and self.class_weight == "balanced":
            counts = np.bincount(target, minlength=out)
            weights = {i: len(target) / (out * max(int(c), 1)) for i, c in enumerate(counts)}
        self.net_.fit(Xm, target, epochs=self.epochs, batch_size=self.batch_size, verbose=0, class_weight=weights)
        return self

    def predict_proba(self, X):
        return np.asarray(self.net_.predict(_as_float_matrix(X).astype(np.float32), verbose=0))

    def predict(self, X):
        if self.problem == "classification":
            return self.encoder_.inverse_transform(self.predict_proba(X).argmax(axis=1))
        return self.predict_proba(X).ravel()
