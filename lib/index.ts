// Public API of cdk-connect-cases.
export {};
