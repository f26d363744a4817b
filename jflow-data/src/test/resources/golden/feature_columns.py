"""Golden values for FeatureColumnsTest: TF 2.21's tf.feature_column through
tf.compat.v1.feature_column.input_layer (Keras 3 has no DenseFeatures; input_layer is the same
concatenation, columns in sorted name order). Run from this folder: python feature_columns.py > feature_columns.json"""
import json

import numpy as np
import tensorflow as tf

fc = tf.feature_column
EMB = [[0.5 * i - 1.0, 0.25 * i] for i in range(32)]


def run(make_cols, feats):
    with tf.Graph().as_default():
        features = {k: tf.constant(v) for k, v in feats.items()}
        cols = make_cols()
        out = tf.compat.v1.feature_column.input_layer(features, cols)
        with tf.compat.v1.Session() as s:
            s.run(tf.compat.v1.global_variables_initializer())
            s.run(tf.compat.v1.tables_initializer())
            return {"names": sorted(c.name for c in cols), "matrix": s.run(out).tolist()}


titanic = {"age": np.array([22., 38., 26., 35., 54., 2., 70.5], "float32"),
           "fare": np.array([7.25, 71.2833, 7.925, 53.1, 51.8625, 21.075, 7.75], "float32"),
           "parch": np.array([0, 0, 0, 0, 0, 1, 0], "int64"), "sibsp": np.array([1, 1, 0, 1, 0, 3, 0], "int64"),
           "sex": ["male", "female", "female", "female", "male", "male", "unknown"],
           "pclass": np.array([3, 1, 3, 1, 1, 3, 2], "int64"),
           "ticket": ["A/5 21171", "PC 17599", "STON/O2. 3101282", "113803", "17463", "349909", "370376"],
           "embarked": ["S", "C", "S", "S", "", "Q", "Q"],
           "cabin": ["", "C85", "", "C123", "E46", "", "G6"],
           # The tutorial's prepare_dfdata flags the NaNs it filled (int32), and numeric columns read them.
           "age_nan": np.array([0, 0, 0, 0, 0, 1, 0], "int32"), "cabin_nan": np.array([1, 0, 1, 0, 0, 1, 0], "int32"),
           "embarked_nan": np.array([0, 0, 0, 0, 1, 0, 0], "int32")}


def titanic_cols():
    age = fc.numeric_column("age")
    age_buckets = fc.bucketized_column(age, boundaries=[18, 25, 30, 35, 40, 45, 50, 55, 60, 65])
    pclass = fc.categorical_column_with_vocabulary_list("pclass", [1, 2, 3])
    numerics = [fc.numeric_column(k) for k in ["fare", "parch", "sibsp", "age_nan", "cabin_nan", "embarked_nan"]]
    return [age] + numerics + [age_buckets,
            fc.indicator_column(fc.categorical_column_with_vocabulary_list("sex", ["male", "female"])),
            fc.indicator_column(pclass),
            fc.indicator_column(fc.categorical_column_with_hash_bucket("ticket", 3)),
            fc.indicator_column(fc.categorical_column_with_vocabulary_list("embarked", ["S", "C", "B"])),
            fc.embedding_column(fc.categorical_column_with_hash_bucket("cabin", 32), dimension=2,
                                initializer=tf.constant_initializer(EMB)),
            fc.indicator_column(fc.crossed_column([age_buckets, "pclass"], hash_bucket_size=15))]


multi = {"tags": [["a", "b"], ["c", ""], ["", ""], ["b", "b"]],
         "ids": np.array([[0, 3], [2, -1], [-1, -1], [5, 1]], "int64"),
         "num": np.array([[1., 2.], [3., 4.], [5., 6.], [7., 8.]], "float32"),
         "port": ["S", "Q", "X", ""], "code": np.array([7, 12, -1, 40], "int64")}


def multi_cols():
    tags = fc.categorical_column_with_vocabulary_list("tags", ["a", "b", "c"])
    cols = [fc.numeric_column("num", shape=(2,), normalizer_fn=lambda x: (x - 3.0) / 2.0),
            fc.bucketized_column(fc.numeric_column("num", shape=(2,)), [2.5, 6.0]),
            fc.indicator_column(tags),
            fc.indicator_column(fc.categorical_column_with_identity("ids", 6)),
            fc.indicator_column(fc.categorical_column_with_vocabulary_list("port", ["S", "C"], num_oov_buckets=3)),
            fc.indicator_column(fc.categorical_column_with_vocabulary_file("port", "feature_columns_vocab.txt")),
            fc.indicator_column(fc.categorical_column_with_hash_bucket("code", 5, dtype=tf.int64)),
            fc.indicator_column(fc.crossed_column(["port", tags], 7, hash_key=12345)),
            fc.indicator_column(fc.crossed_column(["port", "code"], 9))]
    for comb in ["mean", "sum", "sqrtn"]:
        cols.append(fc.embedding_column(fc.categorical_column_with_identity("ids", 6), 2, combiner=comb,
                                        initializer=tf.constant_initializer(EMB[:6])))
    return cols


def combiner_case(comb):
    return lambda: [fc.embedding_column(fc.categorical_column_with_vocabulary_list("tags", ["a", "b", "c"]), 2,
                                        combiner=comb, initializer=tf.constant_initializer(EMB[:3]))]


cases = {"titanic": run(titanic_cols, titanic)}
# Several columns of one kind share a name, which input_layer rejects; run them one by one.
for i, c in enumerate(multi_cols()):
    cases["multi_%d" % i] = run(lambda c=i: [multi_cols()[c]], multi)
for comb in ["mean", "sum", "sqrtn"]:
    cases["tags_" + comb] = run(combiner_case(comb), multi)
# shared_embeddings needs feature_column v1's shared_embedding_columns under input_layer.
shared = lambda: tf.compat.v1.feature_column.shared_embedding_columns(
    [fc.categorical_column_with_identity("watched", 4), fc.categorical_column_with_identity("bought", 4)], 2,
    combiner="sum", initializer=tf.constant_initializer(EMB[:4]))
cases["shared"] = run(shared, {"watched": np.array([[0, 3], [1, -1]], "int64"), "bought": np.array([2, 1], "int64")})
# The op behind crossed columns, DenseCrossHashed, against TF's own cross on dense inputs (every value crossed).
cross = tf.sparse.cross_hashed([tf.constant([[1, 2], [3, -1]], tf.int64),
                                tf.constant([["a", "b", "c"], ["d", "", "f"]])], num_buckets=1000, hash_key=99)
cases["cross_hashed"] = tf.sparse.to_dense(cross).numpy().tolist()
print(json.dumps(cases))
