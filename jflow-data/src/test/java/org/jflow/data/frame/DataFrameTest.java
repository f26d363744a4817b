package org.jflow.data.frame;

import org.jflow.DType;
import org.jflow.Golden;
import org.jflow.Tensor;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The tutorials' pandas preprocessing in Java, against pandas 2.3 ({@code golden/csvdata.py}). */
class DataFrameTest {
    private static final Golden GOLDEN = Golden.load("csvdata");
    private static final Path DATA = org.jflow.data.SharedData.DIR;

    /** The tutorial's {@code preprocessing(dfdata)}, line for line. */
    static DataFrame preprocessing(DataFrame d) {
        return DataFrame.concat(
                d.col("Pclass").getDummies("Pclass", false),
                d.col("Sex").getDummies(),
                DataFrame.of(d.col("Age").fillna(0).rename("Age"), d.col("Age").isna().astype("int32").rename("Age_null"),
                        d.col("SibSp"), d.col("Parch"), d.col("Fare"), d.col("Cabin").isna().astype("int32").rename("Cabin_null")),
                d.col("Embarked").getDummies("Embarked", true));
    }

    @Test
    void titanicMatrixEqualsPandas() {
        org.jflow.data.SharedData.assume();
        DataFrame train = DataFrame.readCsv(DATA.resolve("titanic/train.csv"));
        Map<String, String> dtypes = new LinkedHashMap<>();
        for (String c : train.columns()) dtypes.put(c, train.col(c).dtype());
        assertEquals(GOLDEN.get("titanic_dtypes"), dtypes);
        DataFrame x = preprocessing(train);
        assertEquals(GOLDEN.get("titanic_columns"), x.columns());
        Tensor xTrain = x.toTensor(DType.FLOAT64);
        assertEquals(org.jflow.Shape.of(712, 15), xTrain.shape());
        assertArrayEquals(Golden.flatten(GOLDEN.get("titanic_x_train")), xTrain.toDoubleArray());
        assertArrayEquals(Golden.flatten(GOLDEN.get("titanic_y_train")), train.select("Survived").toTensor(DType.FLOAT64).toDoubleArray());
        int[] testShape = preprocessing(DataFrame.readCsv(DATA.resolve("titanic/test.csv"))).shape();
        assertArrayEquals(Golden.flatten(GOLDEN.get("titanic_x_test_shape")), new double[] {testShape[0], testShape[1]});
        assertEquals(GOLDEN.get("titanic_get_dummies_df"), train.select("Sex", "Age", "Embarked").getDummies("Sex", "Embarked").columns());
    }

    @Test
    void covidDailyIncrements() {
        org.jflow.data.SharedData.assume();
        DataFrame df = DataFrame.readCsv(DATA.resolve("covid-19.csv"), '\t');
        Tensor diff = df.drop("date").diff(1).dropna().toTensor(DType.FLOAT32);
        assertArrayEquals(Golden.flatten(GOLDEN.get("covid_diff")), diff.toDoubleArray());
        assertEquals(List.of("confirmed_num", "cured_num", "dead_num"), df.drop("date").columns());
    }

    @Test
    void seriesBasics() {
        Series s = Series.of("v", 3L, 1L, 2L, 1L);
        assertEquals("int64", s.dtype());
        DataFrame d = s.getDummies("v", true);
        assertEquals(List.of("v_1", "v_2", "v_3", "v_nan"), d.columns());
        Series f = Series.of("f", 1.5, Double.NaN);
        assertEquals(List.of("1.5"), f.getDummies().columns());
        assertEquals(0.0, (Double) f.fillna(0).get(1));
        assertEquals(true, f.isna().get(1));
    }
}
