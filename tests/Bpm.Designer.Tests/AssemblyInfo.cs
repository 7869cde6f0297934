// Browser tests share one engine and one chromium; they run one after another, bUnit tests beside them.
[assembly: CollectionBehavior(MaxParallelThreads = 2)]
