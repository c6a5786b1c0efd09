import Foundation
import Storage

/// The worker processes of a PostgreSQL benchmark: each is this executable running `autopilot bench part …`. They start,
/// connect and prepare their work, say `ready`, and wait; once all are ready they are let go together, and the time is
/// taken from then until the last one has answered.
enum BenchWorkers {
    /// What one worker process did.
    struct Part: Codable, Sendable {
        /// Events ingested or steps taken.
        var done: Int
        var seconds: Double
        /// Statements sent to PostgreSQL while working (each a round trip).
        var statements: Int
        /// Of `seconds`, the time spent waiting for PostgreSQL's answers (`PostgresDatabase.secondsInStatements`).
        var statementSeconds: Double = 0
        /// The processor time the process used while working (user and system).
        var processorSeconds: Double = 0
        /// The statements sent while working and the time waited for them, by kind (`StatementProfile`).
        var profile: [String: StatementProfile.Entry] = [:]
    }

    struct Outcome: Sendable {
        var parts: [Part]
        var seconds: Double
        var done: Int { parts.reduce(0) { $0 + $1.done } }
        var statements: Int { parts.reduce(0) { $0 + $1.statements } }
        /// Every worker's statements by kind, summed.
        var profile: [String: StatementProfile.Entry] {
            parts.reduce(into: [:]) { total, part in
                for (kind, entry) in part.profile {
                    total[kind, default: .init()].count += entry.count
                    total[kind, default: .init()].seconds += entry.seconds
                }
            }
        }
        /// The share of the workers' time spent waiting for PostgreSQL.
        var waitingShare: Double { share(parts.reduce(0) { $0 + $1.statementSeconds }) }
        /// The workers' processor time as a share of their time (1 = each worker kept one core busy).
        var processorShare: Double { share(parts.reduce(0) { $0 + $1.processorSeconds }) }

        private func share(_ value: Double) -> Double {
            let total = parts.reduce(0) { $0 + $1.seconds }
            return total > 0 ? (value / total * 100).rounded() / 100 : 0
        }
    }

    /// Runs one process per argument list (`bench part …` arguments) and returns what each did.
    static func run(_ argumentLists: [[String]]) async throws -> Outcome {
        let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        var children: [Child] = []
        defer { for child in children where child.process.isRunning { child.process.terminate() } }
        for arguments in argumentLists {
            children.append(try Child(executable: executable, arguments: ["bench", "part"] + arguments))
        }
        for child in children {
            guard let line = await child.lines.next(), line == "ready" else {
                throw BenchFailure(description: "a worker process stopped before it was ready (its errors are above)")
            }
        }
        let started = ContinuousClock.now
        for child in children { child.input.write(Data("go\n".utf8)) }
        var parts: [Part] = []
        for child in children {
            guard let line = await child.lines.next() else {
                throw BenchFailure(description: "a worker process stopped before it finished (its errors are above)")
            }
            parts.append(try JSONDecoder().decode(Part.self, from: Data(line.utf8)))
        }
        let seconds = (ContinuousClock.now - started).seconds
        for child in children { child.process.waitUntilExit() }
        return Outcome(parts: parts, seconds: seconds)
    }

    final class Child {
        let process = Process()
        let input: FileHandle
        let lines: LineReader

        init(executable: String, arguments: [String]) throws {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            let stdin = Pipe()
            let stdout = Pipe()
            process.standardInput = stdin
            process.standardOutput = stdout
            input = stdin.fileHandleForWriting
            lines = LineReader(stdout.fileHandleForReading)
            try process.run()
        }
    }

    /// Lines from a pipe, read on a thread of their own (a blocking read must not hold one of the few task threads).
    final class LineReader: @unchecked Sendable {
        private let handle: FileHandle
        private var buffer = Data()

        init(_ handle: FileHandle) { self.handle = handle }

        func next() async -> String? {
            await withCheckedContinuation { continuation in
                DispatchQueue.global().async { continuation.resume(returning: self.nextBlocking()) }
            }
        }

        private func nextBlocking() -> String? {
            while true {
                if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                    buffer = Data(buffer[buffer.index(after: newline)...])
                    return line
                }
                let chunk = handle.availableData
                if chunk.isEmpty { return nil }
                buffer.append(chunk)
            }
        }
    }

    /// Waits, off the task threads, for the parent's `go` on standard input.
    static func waitForGo() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                _ = readLine()
                continuation.resume()
            }
        }
    }

    /// A one-line message to the parent, flushed at once.
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// The processor time this process has used so far (user and system), in seconds.
    static func processorSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// "1 process", "4 processes".
    static func processes(_ count: Int) -> String { count == 1 ? "1 process" : "\(count) processes" }

    /// The 1, 5 and 15-minute load averages (`/proc/loadavg`), to print beside every figure.
    static func loadAverage() -> String {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "unknown" }
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }

    /// `1,2,4` → [1, 2, 4]: each between 1 and 16.
    static func counts(_ text: String) throws -> [Int] {
        let counts = text.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !counts.isEmpty, counts.allSatisfy({ ($0 ?? 0) >= 1 && ($0 ?? 0) <= 16 }) else {
            throw BenchFailure(description: "--workers: numbers of processes between 1 and 16, separated by commas (e.g. 1,2,4)")
        }
        return counts.compactMap { $0 }
    }
}
