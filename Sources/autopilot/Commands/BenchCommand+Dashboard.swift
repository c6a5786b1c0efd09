import ArgumentParser
import Foundation

extension BenchCommand {
    struct DashboardBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dashboard",
            abstract: "Dashboard speed: every page over HTTP on loopback, on the 2,000-customer demo and on a 100,000-customer shop (p95 per page).")

        @Option(help: "Customers of the small shop (the demo's size), with 30 days of flows.") var small = 2_000
        @Option(help: "Customers of the large shop (history only, no flow days). 0 to skip.") var large = 100_000
        @Option(help: "Timed requests per page (after two warm-up requests).") var requests = 30
        @Flag(help: "Print the figures as JSON.") var json = false
        @Option(help: "Keep the prepared shops in this folder, and reuse the ones already there (the next run skips their preparation).")
        var keep: String?
        @Option(help: "Measure only the pages whose path starts with one of these, comma-separated (e.g. /,/reports).") var pages: String?

        func run() async throws {
            guard small >= 10, large == 0 || large >= 10 else { throw ValidationError("--small, --large: at least 10 customers") }
            guard (5...1_000).contains(requests) else { throw ValidationError("--requests: between 5 and 1000") }
            let directory =
                keep.map { URL(fileURLWithPath: $0) }
                ?? FileManager.default.temporaryDirectory.appendingPathComponent("autopilot-bench-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { if keep == nil { try? FileManager.default.removeItem(at: directory) } }
            var sizes: [(customers: Int, flowDays: Int, target: Double)] = [(small, 30, 50)]
            if large > 0 { sizes.append((large, 0, 300)) }
            let quiet = json
            var benchmark = DashboardBenchmark(sizes: sizes, requests: requests, directory: directory) { line in
                if !quiet { print(line) }
            }
            benchmark.reuse = keep != nil
            benchmark.only = pages.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } } ?? []
            let result = try await benchmark.run()
            if json {
                try JSONOutput.print(result, pretty: false)
            } else {
                for size in result.sizes {
                    print(
                        String(
                            format: "%d customers: slowest page %@ p95 %.1f ms (target < %.0f ms); HTTP floor p95 %.2f ms", size.customers,
                            size.slowestPage as NSString, size.slowestP95Milliseconds, size.targetP95Milliseconds, size.baselineP95Milliseconds))
                }
            }
        }
    }
}
