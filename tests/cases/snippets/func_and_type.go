// Temperature in degrees Celsius.
type Temperature float64

// ToFahrenheit converts a Celsius temperature.
func ToFahrenheit(c Temperature) float64 {
	return float64(c)*9/5 + 32
}
