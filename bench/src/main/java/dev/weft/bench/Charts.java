package dev.weft.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's PNG charts, drawn with XChart from an {@link Analysis}. */
public final class Charts {

    public static final String TIME_LINEAR = "time-linear.png";
    public static final String TIME_LOG = "time-log.png";
    public static final String MEMORY = "memory.png";
    public static final String THROUGHPUT = "throughput.png";

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 600;

    private Charts() {}

    /** Writes every chart there is data for and returns the file names written. */
    public static List<String> write(Analysis analysis, Path dir) throws IOException {
        List<String> written = new ArrayList<>();
        if (analysis.sizes().stream().anyMatch(size -> !size.rows().isEmpty())) {
            save(time(analysis, false), dir, TIME_LINEAR, written);
            save(time(analysis, true), dir, TIME_LOG, written);
            save(memory(analysis), dir, MEMORY, written);
        }
        if (!analysis.load().isEmpty()) {
            save(throughput(analysis), dir, THROUGHPUT, written);
        }
        return written;
    }

    /** Mean client time against n, one line per system; the log-log one shows the n³ slopes. */
    static XYChart time(Analysis analysis, boolean log) {
        XYChart chart = new XYChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title("Matrix multiplication: mean client time per request" + (log ? " (log-log)" : ""))
                .xAxisTitle("n (matrices are n x n)")
                .yAxisTitle("ms")
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler()
                .setXAxisLogarithmic(log)
                .setYAxisLogarithmic(log)
                .setXAxisLogarithmicDecadeOnly(false)
                .setYAxisLogarithmicDecadeOnly(false)
                .setXAxisDecimalPattern("#")
                .setYAxisDecimalPattern("#,##0.###");
        for (SystemResult system : analysis.results().systems()) {
            List<Integer> sizes = new ArrayList<>();
            List<Double> means = new ArrayList<>();
            for (Analysis.Size size : analysis.sizes()) {
                size.row(system.id()).ifPresent(row -> {
                    sizes.add(size.n());
                    means.add(row.client().mean());
                });
            }
            if (!sizes.isEmpty()) {
                XYSeries series = chart.addSeries(system.id(), sizes, means);
                series.setMarker(SeriesMarkers.CIRCLE);
            }
        }
        return chart;
    }

    /** Peak resident memory per size, one bar per system; none where the size was skipped. */
    static CategoryChart memory(Analysis analysis) {
        CategoryChart chart = bars("Peak resident memory (VmHWM) while serving each size", "n", "MiB");
        List<String> sizes = analysis.sizes().stream()
                .map(size -> Integer.toString(size.n()))
                .toList();
        for (SystemResult system : analysis.results().systems()) {
            addBars(
                    chart,
                    system.id(),
                    analysis.sizes(),
                    size -> size.row(system.id()).map(row -> row.measured().peakRssKb() / 1024.0),
                    sizes);
        }
        return chart;
    }

    /** Median requests/s per load route, one bar per system. */
    static CategoryChart throughput(Analysis analysis) {
        CategoryChart chart = bars("Throughput under load (wrk, median run)", "route", "requests/s");
        List<String> routes = analysis.results().options().load().routes();
        for (SystemResult system : analysis.results().systems()) {
            addBars(
                    chart,
                    system.id(),
                    routes,
                    route -> analysis.load(system.id(), route)
                            .map(load -> load.median().wrk().requestsPerSec()),
                    routes);
        }
        return chart;
    }

    private static CategoryChart bars(String title, String xTitle, String yTitle) {
        CategoryChart chart = new CategoryChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(title)
                .xAxisTitle(xTitle)
                .yAxisTitle(yTitle)
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        return chart;
    }

    // A system with no value anywhere gets no series; a missing value is a gap (null), not a zero.
    private static <T> void addBars(
            CategoryChart chart,
            String name,
            List<T> categories,
            Function<T, Optional<Double>> value,
            List<String> labels) {
        List<Double> values =
                categories.stream().map(c -> value.apply(c).orElse(null)).toList();
        if (values.stream().anyMatch(v -> v != null)) {
            chart.addSeries(name, labels, values);
        }
    }

    private static void save(
            org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, Path dir, String file, List<String> written)
            throws IOException {
        BitmapEncoder.saveBitmap(chart, dir.resolve(file).toString(), BitmapEncoder.BitmapFormat.PNG);
        written.add(file);
    }
}
