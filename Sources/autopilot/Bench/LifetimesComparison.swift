import Foundation
import Scoring

/// Times the Python `lifetimes` package's BG/NBD fit on the same customers, in a subprocess, for a side-by-side figure.
/// Needs `python3` with `lifetimes` installed (`pip install lifetimes`); otherwise says why it was skipped.
enum LifetimesComparison {
    struct Outcome: Codable {
        var seconds: Double?
        var parameters: [String: Double]?
        var skipped: String?
    }

    static let script = """
        import json, sys, time
        try:
            import pandas as pd
            from lifetimes import BetaGeoFitter
        except Exception as error:
            print(json.dumps({"skipped": "python lifetimes not installed: " + str(error)})); sys.exit(0)
        frame = pd.read_csv(sys.argv[1])
        best = None
        for _ in range(3):
            started = time.perf_counter()
            fitter = BetaGeoFitter(penalizer_coef=0.0)
            fitter.fit(frame["x"], frame["t_x"], frame["T"])
            elapsed = time.perf_counter() - started
            best = elapsed if best is None else min(best, elapsed)
        print(json.dumps({"seconds": best, "parameters": {k: float(v) for k, v in fitter.params_.items()}}))
        """

    static func run(_ summaries: [CustomerSummary], directory: URL) -> Outcome {
        let csv = directory.appendingPathComponent("lifetimes-input.csv")
        let scriptURL = directory.appendingPathComponent("lifetimes-fit.py")
        var text = "x,t_x,T\n"
        for summary in summaries { text += "\(summary.x),\(summary.tx),\(summary.T)\n" }
        do {
            try text.write(to: csv, atomically: true, encoding: .utf8)
            try script.write(to: scriptURL, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", scriptURL.path, csv.path]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (try? JSONDecoder().decode(Outcome.self, from: data))
                ?? Outcome(skipped: "python3 gave no result (exit \(process.terminationStatus))")
        } catch {
            return Outcome(skipped: "could not run python3: \(error)")
        }
    }
}
