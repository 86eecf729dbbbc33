namespace IpoctoPayments.Simulator.Pages;

/// <summary>The fields a hosted page's form posted; none when the body is not a readable form.</summary>
internal static class HostedForm
{
    public static async Task<IFormCollection> ReadAsync(HttpContext http)
    {
        if (!http.Request.HasFormContentType)
        {
            return FormCollection.Empty;
        }

        try
        {
            return await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (InvalidDataException)
        {
            return FormCollection.Empty;
        }
    }
}
