// The SDK warns on Node 20 about its own future releases; berth supports Node 20, so the notice is noise in tests.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'
