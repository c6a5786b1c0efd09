import AutopilotCore
import Foundation

/// What an NDJSON import did.
public struct ImportReport: Sendable, Codable, Equatable {
    public struct Rejection: Sendable, Codable, Equatable {
        public var line: Int
        public var field: String?
        public var reason: String
    }

    public var lines = 0
    public var accepted = 0
    public var duplicates = 0
    public var rejected: [Rejection] = []

    public init() {}
}

/// Streams an NDJSON file through the ingest pipeline in batches. A bad line is reported with its number and
/// reason and never stops the rest; each batch is one transaction, so nothing is half-written.
public struct NDJSONImport: Sendable {
    public let pipeline: IngestPipeline
    public var batchSize = 1_000

    public init(pipeline: IngestPipeline) {
        self.pipeline = pipeline
    }

    public func run(file: URL, tenantID: String, progress: @Sendable (ImportReport) -> Void = { _ in }) async throws -> ImportReport {
        guard let handle = FileHandle(forReadingAtPath: file.path) else {
            throw ValidationError(code: "file_not_found", field: "file", message: "cannot read \(file.path)")
        }
        defer { try? handle.close() }
        var report = ImportReport()
        var batch: [IncomingEvent] = []
        let validator = EventValidator()
        var lines = LineReader(handle: handle)
        // One batch is written while the next is read, validated and planned (one write in flight, so reports come in
        // order).
        var chain = IngestChain(pipeline: pipeline, tenantID: tenantID)
        func flush() async throws {
            let events = batch
            batch.removeAll(keepingCapacity: true)
            if let written = try await chain.add(events) {
                report.add(written)
                progress(report)
            }
        }
        do {
            while let line = lines.next() {
                report.lines += 1
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                do {
                    let document = try JSONParser.parse(line)
                    batch.append(try validator.validate(document, now: pipeline.dependencies.clock.now()))
                } catch let error as JSONParser.SyntaxError {
                    report.rejected.append(.init(line: report.lines, field: nil, reason: "malformed JSON: \(error.description)"))
                } catch let error as ValidationError {
                    report.rejected.append(.init(line: report.lines, field: error.field, reason: error.message))
                }
                if batch.count >= batchSize { try await flush() }
            }
            try await flush()
        } catch {
            // The batch being written still commits.
            _ = try? await chain.finish()
            throw error
        }
        if let written = try await chain.finish() { report.add(written) }
        progress(report)
        return report
    }
}

extension ImportReport {
    mutating func add(_ result: IngestResult) {
        accepted += result.accepted.count
        duplicates += result.duplicates.count
    }
}

/// Reads a file line by line in large chunks without loading it whole.
struct LineReader {
    let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var finished = false

    init(handle: FileHandle) { self.handle = handle }

    mutating func next() -> [UInt8]? {
        while true {
            if let newline = buffer[position...].firstIndex(of: 0x0A) {
                let line = Array(buffer[position..<newline])
                position = newline + 1
                return line
            }
            if finished {
                guard position < buffer.count else { return nil }
                let line = Array(buffer[position...])
                position = buffer.count
                return line
            }
            let chunk = handle.readData(ofLength: 1 << 20)
            buffer.removeFirst(position)
            position = 0
            if chunk.isEmpty { finished = true } else { buffer.append(contentsOf: chunk) }
        }
    }
}
