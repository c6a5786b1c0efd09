import Assistant
import AutopilotCore
import Chat
import Dashboard
import Engine
import Hummingbird
import HummingbirdWebSocket
import Logging
import Tools
import Voice

/// The composition root of the HTTP API, used by `autopilot serve` and by the tests alike.
/// `onServerRunning` receives the port actually bound (useful with port 0).
/// `senders` are the ones the dashboard's template test send goes through (the worker's, when the process runs one).
public func buildApplication(
    configuration: ServerConfiguration, dependencies: Dependencies, databaseName: String, metrics: ServerMetrics = ServerMetrics(),
    senders: SenderDirectory = SenderDirectory(), onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in },
    chatCapabilities: ChatCapabilities? = nil
) -> some ApplicationProtocol {
    let voice = VoiceService(dependencies: dependencies, settings: configuration.voice, toolSettings: configuration.toolSettings)
    let router = buildRouter(
        configuration: configuration, dependencies: dependencies, databaseName: databaseName, metrics: metrics, senders: senders,
        chatCapabilities: chatCapabilities, voice: voice)
    return Application(
        router: router,
        server: .http1WebSocketUpgrade(
            configuration: .init(ws: .init(maxFrameSize: 1 << 20)), shouldUpgrade: VoiceRoutes.upgrade(voice)),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Autopilot"),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: dependencies.logger)
}

/// The routes and middleware, without a server: what `buildApplication` serves. `chatCapabilities` are what the visitors'
/// chat agent reaches (orders and stock from the store when nil).
public func buildRouter(
    configuration: ServerConfiguration, dependencies: Dependencies, databaseName: String, metrics: ServerMetrics,
    senders: SenderDirectory = SenderDirectory(), chatCapabilities: ChatCapabilities? = nil, voice: VoiceService? = nil
) -> Router<AppRequestContext> {
    // HEAD is answered wherever GET is (the GET answer without its body), so the 405s' Allow lists it truthfully.
    let router = Router(context: AppRequestContext.self, options: .autoGenerateHeadEndpoints)
    if configuration.metricsEnabled { router.add(middleware: MetricsMiddleware(metrics: metrics)) }
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ErrorMiddleware())
    SystemRoutes(
        dependencies: dependencies, databaseName: databaseName, metrics: configuration.metricsEnabled ? metrics : nil,
        integrations: configuration.integrations, crm: configuration.crm
    ).register(on: router)
    WebhookRoutes(dependencies: dependencies, maximumBodyBytes: configuration.maximumBodyBytes, publicBaseURL: configuration.publicBaseURL).register(
        on: router)
    TrackingRoutes(
        tracking: TrackingService(dependencies: dependencies, trackingSecret: configuration.trackingSecret),
        maximumBodyBytes: configuration.maximumBodyBytes
    )
    .register(on: router)
    if !configuration.dashboardEnabled {
        // The API only.
    } else if let dashboard = try? DashboardApp(dependencies: dependencies, configuration: dashboardConfiguration(configuration, senders: senders)) {
        dashboard.register(on: router)
    } else {
        dependencies.logger.error("the dashboard's templates could not be loaded; the dashboard is not served")
    }
    let limiter = RateLimiter(rate: configuration.rateLimitPerSecond, burst: configuration.rateLimitBurst, clock: dependencies.clock)
    let api = router.group("v1")
        .add(middleware: AuthMiddleware(tenants: TenantService(dependencies: dependencies)))
        .add(middleware: RateLimitMiddleware(limiter: limiter))
        .add(middleware: ReadOnlyKeyMiddleware())
    EventRoutes(pipeline: IngestPipeline(dependencies: dependencies), metrics: metrics, maximumBodyBytes: configuration.maximumBodyBytes).register(
        on: api)
    ContactRoutes(dependencies: dependencies).register(on: api)
    PrivacyRoutes(dependencies: dependencies).register(on: api)
    OrderRoutingRoutes(dependencies: dependencies, routing: configuration.supplierRouting).register(on: api)
    FlowRoutes(dependencies: dependencies, maximumBodyBytes: configuration.maximumBodyBytes).register(on: api)
    LeadRoutes(dependencies: dependencies, maximumBodyBytes: configuration.maximumBodyBytes).register(on: api)
    RecommendationRoutes(dependencies: dependencies).register(on: api)
    TemplateRoutes(dependencies: dependencies, maximumBodyBytes: configuration.maximumBodyBytes).register(on: api)
    AIRoutes(dependencies: dependencies, maximumBodyBytes: configuration.maximumBodyBytes).register(on: api)
    FlowRunRoutes(dependencies: dependencies).register(on: api)
    SegmentRoutes(dependencies: dependencies, maximumBodyBytes: configuration.maximumBodyBytes).register(on: api)
    BroadcastRoutes(dependencies: dependencies, maximumBodyBytes: configuration.maximumBodyBytes).register(on: api)
    ReferralRoutes(dependencies: dependencies).register(on: api)
    SettingsRoutes(dependencies: dependencies, cipher: configuration.settingsCipher, maximumBodyBytes: configuration.maximumBodyBytes).register(on: api)
    ContentRoutes(dependencies: dependencies, maximumBodyBytes: configuration.maximumBodyBytes, prices: configuration.messagePrices).register(on: api)
    KnowledgeRoutes(dependencies: dependencies, maximumBodyBytes: configuration.maximumBodyBytes).register(on: api)
    TaskRoutes(dependencies: dependencies, maximumBodyBytes: configuration.maximumBodyBytes).register(on: api)
    CallbackRoutes(dependencies: dependencies, maximumBodyBytes: configuration.maximumBodyBytes).register(on: api)
    PaymentLinkRoutes(dependencies: dependencies, stripe: configuration.stripe, maximumBodyBytes: configuration.maximumBodyBytes).register(on: api)
    MCPRoutes(
        dependencies: dependencies, settings: configuration.toolSettings, registry: configuration.toolRegistry, maximumBodyBytes: configuration.maximumBodyBytes
    ).register(
        on: router.group("mcp").add(middleware: AuthMiddleware(tenants: TenantService(dependencies: dependencies))).add(
            middleware: RateLimitMiddleware(limiter: limiter)))
    ConversationAdminRoutes(dependencies: dependencies).register(on: api)
    AssistantRoutes(assistant: AssistantService(dependencies: dependencies, settings: configuration.toolSettings, registry: configuration.toolRegistry))
        .register(on: api)
    WidgetRoutes().register(on: router)
    let voiceRoutes = VoiceRoutes(
        voice: voice ?? VoiceService(dependencies: dependencies, settings: configuration.voice, toolSettings: configuration.toolSettings),
        maximumBodyBytes: configuration.maximumBodyBytes, publicBaseURL: configuration.publicBaseURL)
    voiceRoutes.register(on: router)
    voiceRoutes.registerAPI(on: api)
    ConversationRoutes(dependencies: dependencies, capabilities: chatCapabilities, limits: configuration.chatLimits).register(
        on: router.group("v1").add(middleware: WidgetCORSMiddleware()))
    // Last, after every route: it only sees the requests no route answered (TRACE on a known path is 405, not 404).
    router.add(middleware: MethodNotAllowedMiddleware(routes: router.routes))
    return router
}

/// What the dashboard needs from the server's configuration.
func dashboardConfiguration(_ configuration: ServerConfiguration, senders: SenderDirectory) -> DashboardConfiguration {
    var dashboard = DashboardConfiguration(
        secureCookies: configuration.publicBaseURL?.lowercased().hasPrefix("https://") == true, integrations: configuration.integrations,
        publicBaseURL: configuration.publicBaseURL, sendingRules: configuration.sendingRules)
    dashboard.senders = senders
    dashboard.toolSettings = configuration.toolSettings
    dashboard.toolRegistry = configuration.toolRegistry
    return dashboard
}
