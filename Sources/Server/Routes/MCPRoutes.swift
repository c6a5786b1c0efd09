import AutopilotCore
import Engine
import Foundation
import HTTPTypes
import Hummingbird
import MCPServer
import Storage
import Tools

/// `POST /mcp`: the tools over MCP's streamable HTTP transport (stateless, JSON answers), for the tenant of the API key in
/// `Authorization: Bearer`. A read-only key is offered, and may call, only the tools that change nothing.
/// Any other method on `/mcp` (`GET`, `DELETE`) answers 405 with `Allow: POST`: there is no server-to-client stream and no
/// session to end.
struct MCPRoutes {
    let dependencies: Dependencies
    let settings: ToolSettings
    let registry: ToolRegistry
    let maximumBodyBytes: Int

    func register(on group: RouterGroup<AppRequestContext>) {
        group.post { request, context in try await answer(request, context: context) }
    }

    private func answer(_ request: Request, context: AppRequestContext) async throws -> Response {
        let tenantID = try context.requireTenant()
        var request = request
        let body = try await request.collectBody(upTo: maximumBodyBytes)
        var headers: [String: String] = [:]
        for field in request.headers where field.name != .authorization { headers[field.name.canonicalName] = field.value }
        let caller = ToolCaller(kind: .apiKey, name: context.apiKeyPrefix ?? "ap_", readOnly: context.readOnlyKey)
        let server = MCPToolServer(
            registry: registry, context: ToolContext(tenantID: tenantID, dependencies: dependencies, caller: caller, settings: settings))
        let answer = await MCPHTTPEndpoint.answer(
            method: request.method.rawValue, headers: headers, body: Data(body.readableBytesView), path: request.uri.path, server: server,
            logger: dependencies.logger)
        var fields = HTTPFields()
        for (name, value) in answer.headers {
            if let field = HTTPField.Name(name) { fields[field] = value }
        }
        return Response(
            status: HTTPResponse.Status(code: answer.status), headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}
