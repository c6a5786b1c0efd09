import AsyncHTTPClient
import AutopilotCore
import Foundation
import NIOCore
import NIOHTTP1

/// One HTTP request to a CRM.
public struct CRMHTTPRequest: Sendable {
    public var method: String
    public var url: String
    public var headers: [(name: String, value: String)]
    public var body: JSONValue?

    public init(method: String, url: String, headers: [(name: String, value: String)], body: JSONValue? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// A CRM's answer: status, headers and the body read as JSON when it is JSON.
public struct CRMHTTPResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var text: String

    public init(status: Int, headers: [(name: String, value: String)] = [], text: String = "") {
        self.status = status
        self.headers = headers
        self.text = text
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    public var json: JSONValue? { try? JSONParser.parse(text) }

    /// The start of the body, for error messages.
    public var excerpt: String { text.count > 300 ? String(text.prefix(300)) + "…" : text }
}

/// Carries requests to a CRM. Throws `CRMUnreachable` when no answer came (connection refused, timeout).
public protocol CRMTransport: Sendable {
    func send(_ request: CRMHTTPRequest) async throws -> CRMHTTPResponse
}

/// No answer from the CRM: the connection failed or timed out.
public struct CRMUnreachable: Error, CustomStringConvertible {
    public let url: String
    public let reason: String
    public var description: String { "no answer from \(url): \(reason)" }
}

/// The live transport, on AsyncHTTPClient.
public struct HTTPClientCRMTransport: CRMTransport {
    private let client: HTTPClient
    private let timeout: TimeAmount

    public init(client: HTTPClient = .shared, timeout: Duration = .seconds(30)) {
        self.client = client
        self.timeout = .milliseconds(Int64(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000))
    }

    public func send(_ request: CRMHTTPRequest) async throws -> CRMHTTPResponse {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for header in request.headers { outgoing.headers.add(name: header.name, value: header.value) }
        if let body = request.body {
            outgoing.headers.replaceOrAdd(name: "Content-Type", value: "application/json")
            outgoing.body = .bytes(ByteBuffer(string: body.jsonString))
        }
        do {
            let response = try await client.execute(outgoing, timeout: timeout)
            let body = try await response.body.collect(upTo: 4 * 1024 * 1024)
            return CRMHTTPResponse(
                status: Int(response.status.code), headers: response.headers.map { (name: $0.name, value: $0.value) }, text: String(buffer: body))
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw CRMUnreachable(url: request.url, reason: "\(error)")
        }
    }
}
