using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nervewise.Data;
using Nervewise.Testing;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Api;

public sealed class DiaryApiTestsOnSqlite() : DiaryApiTests(DatabaseProvider.Sqlite);

public sealed class DiaryApiTestsOnPostgres() : DiaryApiTests(DatabaseProvider.Postgres);

public abstract class DiaryApiTests(DatabaseProvider provider) : AppTest(provider)
{
    private async Task<HttpClient> SignedInAsync(string email = "ada@example.com")
    {
        var client = App.Browser();
        await client.RegisterAsync(email);
        return client;
    }

    private static object Pain(Guid id, string time = "2026-03-01T21:30:00+01:00", int value = 6, string region = "calf") =>
        new { id, time, type = "pain", item = region, value, durationMinutes = (int?)null, note = "after a long drive" };

    private async Task<int> CountAsync()
    {
        await using var db = Database.OpenContext();
        return await db.DiaryEntries.CountAsync();
    }

    [Fact]
    public async Task An_entry_is_created_and_read_back_with_its_own_offset()
    {
        var client = await SignedInAsync();
        var id = Guid.NewGuid();

        var response = await client.PostAsJsonAsync("/api/v1/diary", Pain(id));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var entry = await client.GetFromJsonAsync<JsonElement>($"/api/v1/diary/{id}");
        Assert.Equal("2026-03-01T21:30:00+01:00", entry.GetProperty("time").GetString());
        Assert.Equal("calf", entry.GetProperty("item").GetString());
        Assert.Equal(6, entry.GetProperty("value").GetDecimal());
        Assert.Equal("after a long drive", entry.GetProperty("note").GetString());
    }

    [Fact]
    public async Task Sending_the_same_id_again_adds_nothing()
    {
        var client = await SignedInAsync();
        var id = Guid.NewGuid();

        var first = await client.PostAsJsonAsync("/api/v1/diary", Pain(id));
        var again = await client.PostAsJsonAsync("/api/v1/diary", Pain(id));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1, await CountAsync());
    }

    [Fact]
    public async Task Two_copies_sent_at_once_still_store_one_entry()
    {
        var client = await SignedInAsync();
        var id = Guid.NewGuid();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.PostAsJsonAsync("/api/v1/diary", Pain(id))));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, r.StatusCode.ToString()));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(1, await CountAsync());
    }

    [Fact]
    public async Task Pages_come_newest_first_and_a_time_range_narrows_them()
    {
        var client = await SignedInAsync();
        var start = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.FromHours(1));
        for (var i = 0; i < 25; i++)
        {
            var time = start.AddHours(i).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/diary", Pain(Guid.NewGuid(), time, i % 11))).StatusCode);
        }

        var first = await client.GetFromJsonAsync<JsonElement>("/api/v1/diary?pageSize=10");
        var third = await client.GetFromJsonAsync<JsonElement>("/api/v1/diary?pageSize=10&page=3");
        var ranged = await client.GetFromJsonAsync<JsonElement>(
            "/api/v1/diary?from=2026-03-01T10:00:00%2B01:00&to=2026-03-01T13:00:00%2B01:00");

        Assert.Equal(25, first.GetProperty("total").GetInt32());
        Assert.Equal(10, first.GetProperty("items").GetArrayLength());
        Assert.Equal("2026-03-02T08:00:00+01:00", first.GetProperty("items")[0].GetProperty("time").GetString());
        Assert.Equal(5, third.GetProperty("items").GetArrayLength());
        Assert.Equal("2026-03-01T08:00:00+01:00", third.GetProperty("items")[4].GetProperty("time").GetString());
        Assert.Equal(3, ranged.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("""{"time": "2026-03-01T21:30:00", "type": "pain", "item": "calf", "value": 5}""", "time")]
    [InlineData("""{"time": "2026-03-01T21:30:00Z", "type": "ache", "item": "calf", "value": 5}""", "type")]
    [InlineData("""{"time": "2026-03-01T21:30:00Z", "type": "pain", "item": "elbow", "value": 5}""", "item")]
    [InlineData("""{"time": "2026-03-01T21:30:00Z", "type": "pain", "item": "calf", "value": 11}""", "value")]
    [InlineData("""{"time": "2026-03-01T21:30:00Z", "type": "pain", "item": "calf", "value": "5"}""", "value")]
    [InlineData("""{"time": "2026-03-01T21:30:00Z", "type": "activity", "item": "sitting"}""", "durationMinutes")]
    [InlineData("""{"time": "2026-03-01T21:30:00Z", "type": "checkin", "item": "stress", "value": 2.5}""", "value")]
    [InlineData("""{"id": "not-a-guid", "time": "2026-03-01T21:30:00Z", "type": "sleep", "item": "night", "value": 7}""", "id")]
    public async Task A_bad_entry_is_refused_naming_the_field_and_nothing_is_saved(string json, string field)
    {
        var client = await SignedInAsync();

        var response = await client.PostAsync("/api/v1/diary", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"No error for {field}: {problem}");
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task Another_persons_entry_can_be_neither_read_changed_nor_deleted()
    {
        var owner = await SignedInAsync("ada@example.com");
        var id = Guid.NewGuid();
        await owner.PostAsJsonAsync("/api/v1/diary", Pain(id));
        var stranger = await SignedInAsync("eve@example.com");

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/diary/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsJsonAsync($"/api/v1/diary/{id}", Pain(id, value: 0))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync($"/api/v1/diary/{id}")).StatusCode);
        Assert.Equal(0, (await stranger.GetFromJsonAsync<JsonElement>("/api/v1/diary")).GetProperty("total").GetInt32());
        // Reusing the id cannot overwrite or reveal it either.
        Assert.Equal(HttpStatusCode.Conflict, (await stranger.PostAsJsonAsync("/api/v1/diary", Pain(id, value: 0))).StatusCode);

        var kept = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/diary/{id}");
        Assert.Equal(6, kept.GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task The_owner_can_change_and_delete_an_entry()
    {
        var client = await SignedInAsync();
        var id = Guid.NewGuid();
        await client.PostAsJsonAsync("/api/v1/diary", Pain(id));

        var changed = await client.PutAsJsonAsync($"/api/v1/diary/{id}", Pain(id, "2026-03-01T22:00:00-05:00", 3, "foot"));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var entry = await client.GetFromJsonAsync<JsonElement>($"/api/v1/diary/{id}");
        Assert.Equal("2026-03-01T22:00:00-05:00", entry.GetProperty("time").GetString());
        Assert.Equal("foot", entry.GetProperty("item").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/diary/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/diary/{id}")).StatusCode);
    }

    [Fact]
    public async Task Signed_out_callers_get_401_and_a_form_post_is_refused()
    {
        var client = App.Browser();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/diary", Pain(Guid.NewGuid()))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/diary")).StatusCode);

        var signedIn = await SignedInAsync();
        var form = await signedIn.PostAsync("/api/v1/diary", new FormUrlEncodedContent(new Dictionary<string, string> { ["type"] = "pain" }));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        Assert.Equal(0, await CountAsync());
    }
}
