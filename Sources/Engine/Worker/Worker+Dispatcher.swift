import Flows
import Foundation

extension Worker {
    /// The delivery path the worker's `DeliveryPass` calls: the one place it is assembled.
    static func makeDispatcher(dependencies: Dependencies, settings: FlowEngineSettings, senders: SenderDirectory) throws -> MessageDispatcher {
        let templates = TemplateResolver(store: dependencies.store, builtIn: (try? TemplateLibrary.builtIn) ?? [])
        let planner = DeliveryPlanner(
            policy: try SmartSendingPolicy(settings: settings.smartSending),
            shop: ShopIdentity(name: settings.shopName, url: settings.shopURL, signature: settings.shopSignature))
        return MessageDispatcher(
            dependencies: dependencies, settings: settings, senders: senders, planner: planner, templates: templates,
            breakers: FlowBreakers(store: dependencies.store, settings: settings.circuitBreaker, logger: dependencies.logger))
    }
}
