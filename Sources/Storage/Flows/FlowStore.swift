import AutopilotCore
import Foundation

/// What the flow engine keeps: runs and their timers, the router's cursor, the outbox, actions, the tenant's flow choices.
/// Every write that matters happens in the transaction that read its inputs, so a crash loses nothing and repeats nothing.
/// The composition of the flows' capabilities; a part of the engine that needs one of them takes that one.
public protocol FlowStore: FlowRunStore, FlowActionStore, FlowCatalogStore, FlowStatsStore, FlowExperimentStore, TenantSettingsStore, ContactStore, CartStore, OutboxStore {}
