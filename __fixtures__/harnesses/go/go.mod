module perfgate.example/harness

go 1.19
