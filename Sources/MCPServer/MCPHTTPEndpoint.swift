import Foundation
import Logging
import MCP

/// MCP's streamable HTTP transport, stateless: each POST carries JSON-RPC messages and gets its answer as one JSON
/// body; there is no session to keep, so any server node can answer any request. GET (a server-to-client stream) and
/// DELETE answer 405. The caller has already checked the API key and built the tool context.
public enum MCPHTTPEndpoint {
    /// An HTTP answer, free of any HTTP framework.
    public struct Answer: Sendable {
        public var status: Int
        public var headers: [String: String]
        public var body: Data
    }

    /// Answers one HTTP request to the MCP endpoint with a server made for it.
    public static func answer(
        method: String, headers: [String: String], body: Data, path: String, server toolServer: MCPToolServer, logger: Logger
    ) async -> Answer {
        if method == "POST", let refusal = versionRefusal(body) { return refusal }
        let transport = StatelessHTTPServerTransport(
            validationPipeline: StandardValidationPipeline(validators: [
                AcceptHeaderValidator(mode: .jsonOnly), ContentTypeValidator(), ProtocolVersionValidator(),
            ]), logger: logger)
        let server = await toolServer.makeServer()
        do {
            try await server.start(transport: transport)
        } catch {
            logger.error("the MCP server did not start", metadata: ["error": "\(error)"])
            return Answer(status: 500, headers: ["Content-Type": "application/json"], body: Data(#"{"error":"the MCP server did not start"}"#.utf8))
        }
        let response = await transport.handleRequest(HTTPRequest(method: method, headers: headers, body: body, path: path))
        await server.stop()
        return Answer(status: response.statusCode, headers: response.headers, body: response.bodyData ?? Data())
    }

    /// A JSON object whose `jsonrpc` is not "2.0", whose `params` is neither an object nor an array, or whose `id` is neither
    /// a string, a number nor null, is not a JSON-RPC 2.0 message: 400 with an Invalid Request error (the SDK would take
    /// some for notifications and answer 202, and never answer one whose id is a boolean).
    static func versionRefusal(_ body: Data) -> Answer? {
        guard let message = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else { return nil }
        let params = message["params"]
        let wellFormed =
            message["jsonrpc"] as? String == "2.0" && (params == nil || params is [String: Any] || params is [Any])
            && (try? JSONDecoder().decode(RequestShape.self, from: body)) != nil
        guard !wellFormed else { return nil }
        let error =
            #"{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"Invalid Request: jsonrpc must be \"2.0\", params an object or an array, id a string, a number or null"}}"#
        return Answer(status: 400, headers: ["Content-Type": "application/json"], body: Data(error.utf8))
    }

    /// The id of a JSON-RPC message: a string, a number or null.
    private struct RequestShape: Decodable {
        struct ID: Decodable {
            init(from decoder: any Decoder) throws {
                let value = try decoder.singleValueContainer()
                if value.decodeNil() || (try? value.decode(String.self)) != nil { return }
                _ = try value.decode(Double.self)
            }
        }

        var id: ID?
    }
}
