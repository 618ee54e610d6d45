package metadata

import (
	"bufio"
	"fmt"
	"os"
)

// ParseFile streams the CSDL file at path through Parse. An error opening
// it names the file.
func ParseFile(path string) (*Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("metadata: %w", err)
	}
	defer f.Close()
	return Parse(bufio.NewReaderSize(f, 64<<10), path)
}

// ParseNamesFile reads the type-name list at path with ParseNames, short
// names completed with namespace. An error reading it names the file.
func ParseNamesFile(path, namespace string) (*Names, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("names: %w", err)
	}
	return ParseNames(path, data, namespace)
}
