package ingest

func readPDF(name string, data []byte) ([]byte, map[string]string, error) { return nil, nil, nil }
