package dev.weft.bench;

import java.util.List;
import java.util.Optional;

/**
 * Everything measured for one system.
 *
 * @param startups one per fresh process (the matrix run, then the load test)
 * @param loadFailure why the load test did not run, if it did not
 */
public record SystemResult(
        SystemSpec spec,
        String version,
        List<ServerProcess.Startup> startups,
        List<SizeOutcome> sizes,
        List<LoadRunner.LoadRun> load,
        Optional<String> loadFailure,
        Artifacts.Size artifacts) {

    public String id() {
        return spec.id();
    }
}
