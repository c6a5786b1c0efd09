import Logging
import MCP

extension MCPToolServer {
    /// Serves MCP over standard input and output (one JSON-RPC message a line) until the host closes standard input.
    /// Nothing else may write to standard output meanwhile: logs go to standard error.
    public func runOverStandardIO(logger: Logger) async throws {
        let server = await makeServer()
        try await server.start(transport: StdioTransport(logger: logger))
        await server.waitUntilCompleted()
        await server.stop()
    }
}
