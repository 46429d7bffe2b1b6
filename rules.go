package hesabat

// RulesVersion numbers the extraction rules: what extract and transform
// make of a file. Bump it with every change that can change a report built
// from the same bytes (a parser fix, a new stitching rule, a normaliser
// change). Each stored report and each recorded failure keeps the version
// it was made under, and ingest re-extracts the ones made by older rules.
const RulesVersion = 1
