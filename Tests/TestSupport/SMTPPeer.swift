import Foundation

/// The Python SMTP server in `Fixtures/smtp_peer.py` (aiosmtpd), started on a free port of 127.0.0.1 for one test; the
/// tests of the SMTP client and those sending through the real `SMTPSender` share it.
/// Unchecked: the process is only read (isRunning) and terminated, both thread-safe in Foundation.
public final class SMTPPeer: @unchecked Sendable {
    /// One message as the peer received and decoded it (`<n>.json`).
    public struct ReceivedMail: Decodable, Sendable {
        public struct Part: Decodable, Sendable {
            public var contentType: String
            public var charset: String
            public var transferEncoding: String
            public var content: String
        }

        public var mailFrom: String
        public var mailOptions: [String]
        public var rcptTos: [String]
        public var connection: Int
        public var tls: Bool
        public var authMechanism: String
        public var authLogin: String
        public var headers: [String: String]
        public var fromDisplayName: String
        public var fromAddress: String
        public var contentType: String
        public var parts: [Part]

        /// The content of the first part of type `type`, with LF line ends.
        public func part(_ type: String) -> String? {
            parts.first { $0.contentType == type }?.content.replacingOccurrences(of: "\r\n", with: "\n")
        }
    }

    /// The peer could not start (its log says why).
    public struct StartError: Error, CustomStringConvertible {
        public var description: String

        public init(description: String) {
            self.description = description
        }
    }

    /// The script, used in place.
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/smtp_peer.py")

    /// True when python3 can import aiosmtpd.
    public static let isAvailable: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import aiosmtpd"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus == 0 && FileManager.default.fileExists(atPath: script.path)
        } catch {
            return false
        }
    }()

    public static let unavailableReason = "python3 cannot import aiosmtpd (install it: python3 -m pip install aiosmtpd)"

    /// Where the peer writes what it received.
    public let directory: URL
    public let port: Int
    private let process: Process

    private init(directory: URL, port: Int, process: Process) {
        self.directory = directory
        self.port = port
        self.process = process
    }

    /// Starts the peer with `arguments` (see the script's flags: `--user`, `--password`, `--slow`…) and waits until it listens.
    public static func start(_ arguments: [String] = []) async throws -> SMTPPeer {
        let directory = try ScratchDirectory.make("smtp-peer")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, "--dir", directory.path, "--lifetime", "120"] + arguments
        let log = directory.appendingPathComponent("peer.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let logHandle = try FileHandle(forWritingTo: log)
        process.standardOutput = logHandle
        process.standardError = logHandle
        try process.run()
        let portFile = directory.appendingPathComponent("port")
        for _ in 0..<200 {
            if let text = try? String(contentsOf: portFile, encoding: .utf8), let port = Int(text) {
                return SMTPPeer(directory: directory, port: port, process: process)
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        process.terminate()
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        throw StartError(description: "the SMTP peer did not start: \(output)")
    }

    /// Ends the peer (SIGTERM) without blocking a thread of the test's concurrency pool, and removes its files.
    public func stop() {
        if process.isRunning { process.terminate() }
        try? FileManager.default.removeItem(at: directory)
    }

    /// The number of TCP connections the peer accepted.
    public var connectionCount: Int {
        let text = try? String(contentsOf: directory.appendingPathComponent("connections"), encoding: .utf8)
        return text.flatMap { Int($0) } ?? 0
    }

    /// Every message received so far, in order.
    public func messages() throws -> [ReceivedMail] {
        var mails: [ReceivedMail] = []
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        var number = 1
        while let data = try? Data(contentsOf: directory.appendingPathComponent("\(number).json")) {
            mails.append(try decoder.decode(ReceivedMail.self, from: data))
            number += 1
        }
        return mails
    }

    /// The raw data of message `number` (1-based) as received, after the server removed the dot-stuffing.
    public func rawMessage(_ number: Int) throws -> String {
        String(decoding: try Data(contentsOf: directory.appendingPathComponent("\(number).eml")), as: UTF8.self)
    }
}
