package seed

import "testing"

// TestSceneCaption pins isSceneCaption: captions in the news style's
// present tense ending on the day are read as captions; the same scene
// told in the past, a headline without a full stop, a sentence with an
// auxiliary and a writer's signature are not.
func TestSceneCaption(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want bool
	}{
		{"Demonstrators march in Bogotá on Friday.", true},
		{"Firefighters watch a controlled burn move across the prairie at Wickiup Hill on Thursday.", true},
		{"Transportation Secretary Pete Buttigieg speaks during a news conference in Washington, May 10, 2021.", true},
		{"Students sit an English paper at a school in Clondalkin in 2019.", true},
		{"Commuters wait under the departure boards at Leeds station on Wednesday morning.", true},
		{"Demonstrators marched in Bogotá on Friday.", false},
		{"Police arrested two men near the harbour on Friday.", false},
		{"Residents clear the flooded road in Marden on Thursday.", true},
		{"The flooded road was cleared in Marden on Thursday.", false},
		{"The bank cut its main rate by half a point on Thursday.", false},
		{"The library lent 40,000 books last year, down from 90,000 in 2010.", false},
		{"Farmers market returns to Main Street on Saturday", false},
		{"The council will vote on the plan on Monday.", false},
		{"“We are ready,” the mayor says of the vote on Monday.", false},
		{"We visit the new market hall on Saturday.", false},
		{"Published 5:14 PM on Thursday, June 3, 2021.", false},
		{"By Ruben Schade in Sydney, 2023-01-11.", false},
		{"Workers clear silt from a drain in Hadapsar on Wednesday. The city expects heavy rain.", false},
	} {
		if got := isSceneCaption(tt.s); got != tt.want {
			t.Errorf("isSceneCaption(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}
