import Foundation

/// The Python SMTP server in `Fixtures/smtp_peer.py` (aiosmtpd), started on a free port of 127.0.0.1 for one test.
final class SMTPPeer {
    /// One message as the peer received and decoded it (`<n>.json`).
    struct ReceivedMail: Decodable, Sendable {
        struct Part: Decodable, Sendable {
            var contentType: String
            var charset: String
            var transferEncoding: String
            var content: String
        }

        var mailFrom: String
        var mailOptions: [String]
        var rcptTos: [String]
        var connection: Int
        var tls: Bool
        var authMechanism: String
        var authLogin: String
        var headers: [String: String]
        var fromDisplayName: String
        var fromAddress: String
        var contentType: String
        var parts: [Part]
    }

    struct StartError: Error, CustomStringConvertible {
        var description: String
    }

    static let isAvailable: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import aiosmtpd"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus == 0
        } catch {
            return false
        }
    }()

    static let unavailableReason = "python3 cannot import aiosmtpd (install it: python3 -m pip install aiosmtpd)"

    let directory: URL
    let port: Int
    private let process: Process

    private init(directory: URL, port: Int, process: Process) {
        self.directory = directory
        self.port = port
        self.process = process
    }

    /// Starts the peer with `arguments` (see the script's flags) and waits until it listens.
    static func start(_ arguments: [String] = []) async throws -> SMTPPeer {
        let directory = try SMTPTestFiles.makeDirectory("peer")
        let script = SMTPTestFiles.fixtures.appendingPathComponent("smtp_peer.py")
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
    func stop() {
        if process.isRunning { process.terminate() }
        try? FileManager.default.removeItem(at: directory)
    }

    /// The number of TCP connections the peer accepted.
    var connectionCount: Int {
        let text = try? String(contentsOf: directory.appendingPathComponent("connections"), encoding: .utf8)
        return text.flatMap { Int($0) } ?? 0
    }

    /// Every message received so far, in order.
    func messages() throws -> [ReceivedMail] {
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
    func rawMessage(_ number: Int) throws -> String {
        String(decoding: try Data(contentsOf: directory.appendingPathComponent("\(number).eml")), as: UTF8.self)
    }
}
