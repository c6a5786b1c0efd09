import ArgumentParser
import DemoShop
import Foundation

extension BenchCommand.FlowsBench {
    /// The figures of `bench flows --database postgres://…`: SQLite (the in-run reference), PostgreSQL per number of worker
    /// processes, and DBOS when asked.
    struct SideBySide: Codable {
        var sqlite: FlowBenchmarkResult
        var postgres: [PostgresBench.FlowFigure]
        var dbos: DBOSFigure?
        var dbosSkipped: String?
        var loadAverage: String

        enum CodingKeys: String, CodingKey {
            case sqlite, postgres, dbos
            case dbosSkipped = "dbos_skipped"
            case loadAverage = "load_average"
        }
    }

    /// What `Benchmarks/dbos_flows.py` prints.
    struct DBOSFigure: Codable {
        var workflows: Int
        var steps: Int
        var seconds: Double
        var failed: Int
        var stepsPerSecond: Double
        var workflowsPerSecond: Double

        enum CodingKeys: String, CodingKey {
            case workflows, steps, seconds, failed
            case stepsPerSecond = "steps_per_s"
            case workflowsPerSecond = "workflows_per_s"
        }
    }

    func sideBySide(_ sqlite: FlowBenchmarkResult, database: String) async throws {
        let quiet = json
        let sqliteSteps = Double(sqlite.timerPass1Steps + sqlite.timerPass2Steps)
        let sqliteSeconds =
            Double(sqlite.timerPass1Steps) / max(sqlite.timerPass1StepsPerSecond, 1e-9) + Double(sqlite.timerPass2Steps)
            / max(sqlite.timerPass2StepsPerSecond, 1e-9)
        var figures: [PostgresBench.FlowFigure] = []
        for count in try workerCounts() {
            figures.append(try await PostgresBench.flows(url: database, runs: runs, workers: count) { line in if !quiet { print(line) } })
        }
        var dbosFigure: DBOSFigure?
        var skipped: String?
        if dbos {
            if !quiet { print("DBOS Transact: \(dbosWorkflows) workflows of three steps…") }
            (dbosFigure, skipped) = try await runDBOS(database)
        }
        let result = SideBySide(sqlite: sqlite, postgres: figures, dbos: dbosFigure, dbosSkipped: skipped, loadAverage: BenchWorkers.loadAverage())
        if json {
            try JSONOutput.print(result, pretty: false)
            return
        }
        print("timer passes (two per run: a branch and a wait, then a send), steps/s:")
        print(String(format: "  SQLite, 1 process:         %8.0f", sqliteSteps / sqliteSeconds))
        for figure in figures {
            print(
                "  PostgreSQL, " + BenchWorkers.processes(figure.workers).padding(toLength: 14, withPad: " ", startingAt: 0)
                    + String(
                        format: "%8.0f  (pass 1 %.0f, pass 2 %.0f; %.3f statements per step; each step once: %@; %.0f%% waiting for PostgreSQL, %.0f%% on the processor)",
                        figure.stepsPerSecond, figure.timerPass1StepsPerSecond, figure.timerPass2StepsPerSecond, figure.statementsPerStep,
                        (figure.eachStepOnce ? "yes" : "NO") as NSString, figure.waitingShare * 100, figure.processorShare * 100))
        }
        if let dbosFigure {
            print(
                String(
                    format: "  DBOS Transact (Python):    %8.0f  (%.0f workflows/s of three steps, %d workflows)", dbosFigure.stepsPerSecond,
                    dbosFigure.workflowsPerSecond, dbosFigure.workflows))
        } else if let skipped {
            print("  DBOS Transact: \(skipped)")
        }
        print(
            "A step: for Autopilot, one run's state change and its effects (a queued message), committed with up to 2,000 others in one"
                + " transaction; for DBOS, one @DBOS.step whose output is checkpointed in its system database (a row per step) before the"
                + " workflow goes on.")
        print("load average \(BenchWorkers.loadAverage())")
    }

    /// Runs the DBOS script on a scratch database of the same server (DBOS makes its own tables there).
    private func runDBOS(_ database: String) async throws -> (DBOSFigure?, String?) {
        guard FileManager.default.fileExists(atPath: dbosScript) else {
            return (nil, "skipped: \(dbosScript) not found (run from the project's directory, or give --dbos-script)")
        }
        guard Self.shell(["python3", "-c", "import dbos"]).status == 0 else {
            return (nil, "skipped: python3 with the dbos package is missing (pip install dbos)")
        }
        guard var components = URLComponents(string: database) else { return (nil, "skipped: --database is not a URL") }
        let name = "autopilot_bench_dbos_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(8)
        components.path = "/" + name
        let run = Self.shell(["python3", dbosScript, "--database", components.string ?? database, "--workflows", "\(dbosWorkflows)"])
        try? await PostgresBench.drop(name, server: database)
        guard run.status == 0, let line = run.output.split(separator: "\n").last else {
            return (nil, "failed (exit \(run.status)); its errors are above")
        }
        return (try JSONDecoder().decode(DBOSFigure.self, from: Data(line.utf8)), nil)
    }

    private static func shell(_ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        do { try process.run() } catch { return (127, "") }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
