"""Golden output for CsvTest, FrameTest and TimeseriesTest: make_csv_dataset and CsvDataset in TF 2.21,
the tutorial's Titanic and COVID-19 preprocessing in pandas, timeseries_dataset_from_array in Keras 3.15.
Paths are relative to the data folder given as the first argument (../shared/data); the CsvDataset
fixture is csv/quoted.csv beside this folder. Run from this folder:
    PYTHONPATH=<pandas 2.3.3 from the local wheels> python csvdata.py /work/shared/data > csvdata.json"""
import json
import os
import sys

import numpy as np
import pandas as pd
import tensorflow as tf
import keras

here = os.path.dirname(os.path.abspath(__file__))
quoted = os.path.join(here, "..", "csv", "quoted.csv")
os.chdir(sys.argv[1])
cases = {}


def py(v):
    v = v.numpy() if hasattr(v, "numpy") else v
    if isinstance(v, np.ndarray):
        return [py(x) for x in v]
    if isinstance(v, bytes):
        return v.decode("utf-8")
    if isinstance(v, (np.floating, float)):
        return float(v)
    return int(v)


titanic = ["titanic/train.csv", "titanic/test.csv"]
ds4 = tf.data.experimental.make_csv_dataset(titanic, batch_size=3, label_name="Survived", na_value="", num_epochs=1,
                                            ignore_errors=True, shuffle=False)
cases["g_ds4_printed"] = [str(d) + " " + str(l) for d, l in ds4.take(2)]
seeded = tf.data.experimental.make_csv_dataset(titanic, batch_size=4, label_name="Survived", num_epochs=1,
                                               shuffle_seed=7, shuffle_buffer_size=50, select_columns=["PassengerId", "Survived"])
cases["seeded_ids"] = [py(d["PassengerId"]) for d, l in seeded.take(5)]
full = tf.data.experimental.make_csv_dataset(titanic, batch_size=64, label_name="Survived", num_epochs=1, shuffle=False)
columns, labels, dtypes, batches = {}, [], {}, 0
for d, l in full:
    batches += 1
    for k, v in d.items():
        columns.setdefault(k, []).extend(py(v))
        dtypes[k] = v.dtype.name
    labels.extend(py(l))
cases["full_columns"] = columns
cases["full_labels"] = labels
cases["full_dtypes"] = dtypes
cases["full_batches"] = batches
sel = tf.data.experimental.make_csv_dataset(titanic, batch_size=5, select_columns=["Fare", "Age", "Survived"],
                                            column_defaults=[tf.int32, -1.0, 0.0], label_name="Survived",
                                            num_epochs=1, shuffle=False)
cases["select_defaults"] = [str(d) + " " + str(l) for d, l in sel.take(2)]
rep = tf.data.experimental.make_csv_dataset("titanic/test.csv", batch_size=100, select_columns=[0], shuffle=False,
                                            num_epochs=2)
cases["two_epochs_batch_sizes"] = [int(d["PassengerId"].shape[0]) for d in rep]
cases["quoted"] = [[py(x) for x in e] for e in tf.data.experimental.CsvDataset(
    quoted, [0, "", -1.0, "?"], header=True, na_value="NA")]
cases["quoted_select"] = [[py(x) for x in e] for e in tf.data.experimental.CsvDataset(
    quoted, [tf.int64, tf.constant(-2.0, tf.float64)], header=True, select_cols=[0, 2], na_value="NA")]
errors = {}
for name, txt in [("unterminated", 'a,b\n1,2\n3,"4\n'), ("more", 'a,b\n1,2\n3,4,5\n'), ("fewer", 'a,b\n1,2\n3\n'),
                  ("quote", 'a,b\n1,2\n3,4"x\n'), ("int", 'a,b\n1,2\nx,4\n'), ("missing", 'a,b\n1,2\n,4\n')]:
    path = "/tmp/jflow_csv_error.csv"
    with open(path, "w") as f:
        f.write(txt)
    try:
        list(tf.data.experimental.CsvDataset(path, [tf.int32, tf.int32], header=True))
        errors[name] = "no error"
    except tf.errors.OpError as e:
        errors[name] = [type(e).__name__, e.message.split("}} ")[-1]]
    errors[name + "_ignored"] = [[py(x) for x in e] for e in tf.data.experimental.CsvDataset(
        path, [tf.int32, tf.int32], header=True).ignore_errors()]
cases["errors"] = errors


def preprocessing(dfdata):
    dfresult = pd.DataFrame()
    dfPclass = pd.get_dummies(dfdata['Pclass'])
    dfPclass.columns = ['Pclass_' + str(x) for x in dfPclass.columns]
    dfresult = pd.concat([dfresult, dfPclass], axis=1)
    dfSex = pd.get_dummies(dfdata['Sex'])
    dfresult = pd.concat([dfresult, dfSex], axis=1)
    dfresult['Age'] = dfdata['Age'].fillna(0)
    dfresult['Age_null'] = pd.isna(dfdata['Age']).astype('int32')
    dfresult['SibSp'] = dfdata['SibSp']
    dfresult['Parch'] = dfdata['Parch']
    dfresult['Fare'] = dfdata['Fare']
    dfresult['Cabin_null'] = pd.isna(dfdata['Cabin']).astype('int32')
    dfEmbarked = pd.get_dummies(dfdata['Embarked'], dummy_na=True)
    dfEmbarked.columns = ['Embarked_' + str(x) for x in dfEmbarked.columns]
    dfresult = pd.concat([dfresult, dfEmbarked], axis=1)
    return dfresult


dftrain = pd.read_csv("titanic/train.csv")
dftest = pd.read_csv("titanic/test.csv")
x_train = preprocessing(dftrain)
cases["titanic_columns"] = list(x_train.columns)
cases["titanic_dtypes"] = {k: str(v) for k, v in dftrain.dtypes.items()}
cases["titanic_x_train"] = x_train.values.astype("float64").tolist()
cases["titanic_x_test_shape"] = list(preprocessing(dftest).shape)
cases["titanic_y_train"] = dftrain['Survived'].values.tolist()
cases["titanic_get_dummies_df"] = list(pd.get_dummies(dftrain[["Sex", "Age", "Embarked"]], columns=["Sex", "Embarked"]).columns)

df = pd.read_csv("covid-19.csv", sep="\t")
dfdiff = df.set_index("date").diff(periods=1).dropna().reset_index("date").drop("date", axis=1).astype("float32")
cases["covid_diff"] = dfdiff.values.tolist()
values = dfdiff.values
series = {}
for name, kw in [("covid_window8", dict(sequence_length=8, batch_size=38)),
                 ("stride2_rate2", dict(sequence_length=3, sequence_stride=2, sampling_rate=2, batch_size=4)),
                 ("start_end", dict(sequence_length=5, start_index=3, end_index=30, batch_size=7))]:
    ds = keras.utils.timeseries_dataset_from_array(values, values[kw["sequence_length"]:] if name == "covid_window8"
                                                   else np.arange(len(values)), **kw)
    series[name] = [[py(x), py(y)] for x, y in ds]
series["no_targets"] = [py(x) for x in keras.utils.timeseries_dataset_from_array(
    np.arange(10), None, sequence_length=4, sequence_stride=3, batch_size=2)]
series["shuffled_seed3"] = [[py(x), py(y)] for x, y in keras.utils.timeseries_dataset_from_array(
    np.arange(50), np.arange(50), sequence_length=5, batch_size=4, shuffle=True, seed=3)]
series["shuffled_unbatched_seed11"] = [py(y) for x, y in keras.utils.timeseries_dataset_from_array(
    np.arange(30), np.arange(30), sequence_length=3, sequence_stride=2, batch_size=None, shuffle=True, seed=11)]
perm = np.arange(1000)
np.random.RandomState(123456).shuffle(perm)
series["numpy_shuffle_seed123456"] = perm.tolist()
cases["timeseries"] = series
print(json.dumps(cases))
