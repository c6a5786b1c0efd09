import Storage
typealias FlowExperimentCell = FlowExperimentRecord.Cell
